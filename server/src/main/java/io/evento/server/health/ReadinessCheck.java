package io.evento.server.health;

import io.evento.server.database.DatabaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database is reachable now and its schema is migrated. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    private DatabaseStatus database;

    protected ReadinessCheck() {
        // for the CDI client proxy
    }

    @Inject
    public ReadinessCheck(DatabaseStatus database) {
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        boolean reachable = database.reachable();
        boolean migrated = database.migrated();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("evento-database")
                .status(reachable && migrated)
                .withData("reachable", reachable)
                .withData("migrated", migrated)
                .withData("schemaVersion", database.schemaVersion());
        if (!(reachable && migrated)) {
            database.problem().ifPresent(problem -> response.withData("problem", problem));
        }
        return response.build();
    }
}
