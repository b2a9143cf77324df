package io.evento.bundle.runtime;

import io.evento.payara.MicroCluster;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Real Evento Server instances (the loopback recipe of the project) for the bundle library's integration tests. */
final class ServerCluster {

    private ServerCluster() {
    }

    /**
     * Starts {@code instances} servers on the database, accepting {@code token}, with extra server
     * settings; logs under {@code bundle/target/it-logs/<logs>}. What started is stopped again when
     * the start fails.
     */
    static MicroCluster start(ThrowawayDatabase database, int instances, String token, Map<String, String> settings, String logs) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("EVENTO_DB_URL", database.jdbcUrl());
        environment.put("EVENTO_DB_USER", ThrowawayDatabase.user());
        environment.put("EVENTO_DB_PASSWORD", ThrowawayDatabase.password());
        environment.put("EVENTO_BUS_TOKENS", token);
        MicroCluster cluster = MicroCluster.prepare(MicroRecipe.fromProject(), new MicroCluster.Settings(path("payara.microJar.forBundles"),
                path("evento.postgresql.jar"), path("evento.server.war"), instances, environment, "384m",
                MicroRecipe.projectDir().resolve("bundle/target/it-logs/" + logs)));
        try {
            cluster.startAll(Duration.ofSeconds(240));
        } catch (RuntimeException e) {
            closeAll(cluster);
            throw e;
        }
        return cluster;
    }

    /** Closes each in turn, going on past failures and nulls. */
    static void closeAll(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private static Path path(String property) {
        return Path.of(System.getProperty(property));
    }
}
