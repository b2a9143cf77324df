package io.evento.bundle.cdi;

import io.evento.payara.MicroCluster;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One real Evento Server (Payara Micro, the project's loopback recipe, its own throw-away database)
 * for the bundle WARs the tests deploy; started before Arquillian deploys them (register this
 * extension first), stopped when the test run ends.
 */
public final class EventoServer implements BeforeAllCallback {

    static final String TOKEN = "cdi-it-token";
    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (EventoServer.class) {
            if (running == null) {
                running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
            }
        }
    }

    /** The server's base URL ({@code http://127.0.0.1:port}). */
    static String url() {
        if (running == null) {
            throw new IllegalStateException("EventoServer is not registered before ArquillianExtension");
        }
        return running.cluster.instance(0).baseUrl();
    }

    private record Running(ThrowawayDatabase database, MicroCluster cluster) implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            ThrowawayDatabase database = ThrowawayDatabase.create("evento_cdi");
            MicroCluster cluster = MicroCluster.prepare(MicroRecipe.fromProject(), new MicroCluster.Settings(
                    Path.of(System.getProperty("payara.microJar")), Path.of(System.getProperty("evento.postgresql.jar")),
                    Path.of(System.getProperty("evento.server.war")), 1, Map.of("EVENTO_DB_URL", database.jdbcUrl(),
                    "EVENTO_DB_USER", ThrowawayDatabase.user(), "EVENTO_DB_PASSWORD", ThrowawayDatabase.password(),
                    "EVENTO_BUS_TOKENS", TOKEN), "384m", MicroRecipe.projectDir().resolve("bundle-cdi/target/it-logs/server")));
            try {
                cluster.startAll(Duration.ofSeconds(240));
            } catch (RuntimeException e) {
                cluster.close();
                database.close();
                throw e;
            }
            return new Running(database, cluster);
        }

        @Override
        public void close() {
            cluster.close();
            database.close();
        }
    }
}
