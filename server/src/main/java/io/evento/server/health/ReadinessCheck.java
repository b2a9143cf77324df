package io.evento.server.health;

import io.evento.server.database.DatabaseStatus;
import io.evento.server.store.EventStoreAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database is reachable now, its schema is migrated, and this instance can write
 * events: an event writer proved it on its own connection (so a load balancer stops sending to an
 * instance whose writer lost its connection, and sends again once it has a working one).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private DatabaseStatus database;
    private EventStoreAccess store;

    protected ReadinessCheck() {
        // for the CDI client proxy
    }

    @Inject
    public ReadinessCheck(DatabaseStatus database, EventStoreAccess store) {
        this.database = database;
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        boolean reachable = database.reachable();
        boolean migrated = database.migrated();
        java.util.Optional<String> writeProblem = reachable && migrated ? store.writeProblem() : java.util.Optional.of("not tried");
        boolean writable = writeProblem.isEmpty();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("evento-database")
                .status(reachable && migrated && writable)
                .withData("reachable", reachable)
                .withData("migrated", migrated)
                .withData("writable", writable)
                .withData("schemaVersion", database.schemaVersion());
        if (!(reachable && migrated)) {
            database.problem().ifPresent(problem -> response.withData("problem", problem));
        } else if (!writable) {
            response.withData("problem", writeProblem.get());
        }
        return response.build();
    }
}
