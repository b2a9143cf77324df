package io.evento.server.testing;

import io.evento.payara.MicroCluster;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Launch settings for server instances in integration tests: the artefacts the build made. */
public final class ServerLaunch {

    private ServerLaunch() {
    }

    /** Settings for {@code size} instances on the given database, logs in {@code target/it-logs/<name>}. */
    public static MicroCluster.Settings cluster(String name, int size, String jdbcUrl, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("EVENTO_DB_URL", jdbcUrl);
        env.put("EVENTO_DB_USER", ThrowawayDatabase.user());
        env.put("EVENTO_DB_PASSWORD", ThrowawayDatabase.password());
        env.put("EVENTO_DB_POOL_SIZE", "16");
        env.put("EVENTO_DB_RETRY_MILLIS", "500");
        env.putAll(extraEnv);
        return new MicroCluster.Settings(path("payara.microJar"), path("evento.postgresql.jar"), path("evento.server.war"),
                size, env, "384m", Path.of("target", "it-logs", name).toAbsolutePath());
    }

    public static MicroRecipe recipe() {
        return MicroRecipe.fromProject();
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run integration tests with mvn verify");
        }
        return Path.of(value);
    }
}
