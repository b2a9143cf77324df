package io.evento.examples.todo;

import io.evento.examples.todo.app.TodoSettings;
import io.evento.payara.FreePorts;
import io.evento.payara.MicroCluster;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tutorial's integration tests run against: a two-instance Evento cluster of real Payara
 * Micro servers on a throw-away database, and a throw-away read-model database. Bundles are the
 * tests' own business.
 */
final class TodoTestSystem implements AutoCloseable {

    final ThrowawayDatabase eventoDatabase;
    final ThrowawayDatabase todoDatabase;
    final MicroCluster cluster;
    final TodoSettings settings;

    private TodoTestSystem(ThrowawayDatabase eventoDatabase, ThrowawayDatabase todoDatabase, MicroCluster cluster, TodoSettings settings) {
        this.eventoDatabase = eventoDatabase;
        this.todoDatabase = todoDatabase;
        this.cluster = cluster;
        this.settings = settings;
    }

    static TodoTestSystem start(String name, String token, Map<String, String> extraEnvironment) {
        ThrowawayDatabase evento = ThrowawayDatabase.create("evento_todo_it");
        ThrowawayDatabase todo = null;
        MicroCluster cluster = null;
        try {
            todo = ThrowawayDatabase.create("evento_todo_rm");
            Map<String, String> environment = new HashMap<>(Map.of("EVENTO_DB_URL", evento.jdbcUrl(),
                    "EVENTO_DB_USER", ThrowawayDatabase.user(), "EVENTO_DB_PASSWORD", ThrowawayDatabase.password(),
                    "EVENTO_BUS_TOKENS", token, "EVENTO_BUS_HEARTBEAT_MILLIS", "1000"));
            environment.putAll(extraEnvironment);
            cluster = MicroCluster.prepare(MicroRecipe.fromProject(), new MicroCluster.Settings(
                    Path.of(System.getProperty("payara.microJar.forBundles")), Path.of(System.getProperty("evento.postgresql.jar")),
                    Path.of(System.getProperty("evento.server.war")), 2, environment, "384m",
                    MicroRecipe.projectDir().resolve("examples/todolist/target/it-logs/" + name)));
            cluster.startAll(Duration.ofSeconds(240));
            TodoSettings settings = new TodoSettings(List.of(cluster.instance(0).baseUrl(), cluster.instance(1).baseUrl()), token,
                    todo.jdbcUrl(), ThrowawayDatabase.user(), ThrowawayDatabase.password(), io.evento.payara.services.TestServices.mqtt().url(),
                    FreePorts.take("127.0.0.1", 1).get(0));
            return new TodoTestSystem(evento, todo, cluster, settings);
        } catch (RuntimeException e) {
            for (AutoCloseable closeable : new AutoCloseable[]{cluster, todo, evento}) {
                quietly(closeable);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        quietly(cluster);
        quietly(eventoDatabase);
        quietly(todoDatabase);
    }

    static void quietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // keep closing the rest
        }
    }
}
