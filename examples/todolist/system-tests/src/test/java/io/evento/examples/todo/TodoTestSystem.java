package io.evento.examples.todo;

import io.evento.payara.FreePorts;
import io.evento.payara.MicroCluster;
import io.evento.payara.MicroInstance;
import io.evento.payara.MicroInstanceSpec;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;
import io.evento.payara.services.TestServices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the tutorial's system tests run against, as a user runs it: a two-instance Evento cluster
 * of real Payara Micro servers on a throw-away database, and the two bundle WARs ({@code todo.war}
 * with the REST API, {@code users.war}), each instance on its own Payara Micro with the loopback
 * recipe, on a throw-away read-model database. The todo bundle prefers the first server, the users
 * bundle the second, so messages cross the cluster.
 */
final class TodoTestSystem implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(240);

    final ThrowawayDatabase eventoDatabase;
    final ThrowawayDatabase todoDatabase;
    final MicroCluster cluster;
    private final String token;
    private final Path logs;
    private final Map<String, String> bundleEnvironment;
    private final Map<String, MicroInstanceSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, MicroInstance> bundles = new ConcurrentHashMap<>();

    private TodoTestSystem(ThrowawayDatabase eventoDatabase, ThrowawayDatabase todoDatabase, MicroCluster cluster, String token, Path logs,
                           Map<String, String> bundleEnvironment) {
        this.bundleEnvironment = Map.copyOf(bundleEnvironment);
        this.eventoDatabase = eventoDatabase;
        this.todoDatabase = todoDatabase;
        this.cluster = cluster;
        this.token = token;
        this.logs = logs;
    }

    /** The cluster, then {@code users-1} and {@code todo-1}. */
    static TodoTestSystem start(String name, String token, Map<String, String> serverEnvironment) {
        return start(name, token, serverEnvironment, Map.of());
    }

    /** The same, with more environment for every bundle instance (each also gets {@code OTEL_SERVICE_NAME}: its name). */
    static TodoTestSystem start(String name, String token, Map<String, String> serverEnvironment, Map<String, String> bundleEnvironment) {
        ThrowawayDatabase evento = ThrowawayDatabase.create("evento_todo_it");
        ThrowawayDatabase todo = null;
        MicroCluster cluster = null;
        TodoTestSystem system = null;
        try {
            todo = ThrowawayDatabase.create("evento_todo_rm");
            Map<String, String> environment = new HashMap<>(Map.of("EVENTO_DB_URL", evento.jdbcUrl(),
                    "EVENTO_DB_USER", ThrowawayDatabase.user(), "EVENTO_DB_PASSWORD", ThrowawayDatabase.password(),
                    "EVENTO_BUS_TOKENS", token, "EVENTO_BUS_HEARTBEAT_MILLIS", "1000"));
            environment.putAll(serverEnvironment);
            Path logs = MicroRecipe.projectDir().resolve("examples/todolist/system-tests/target/it-logs/" + name);
            cluster = MicroCluster.prepare(MicroRecipe.fromProject(), new MicroCluster.Settings(
                    Path.of(System.getProperty("payara.microJar.forBundles")), Path.of(System.getProperty("evento.postgresql.jar")),
                    Path.of(System.getProperty("evento.server.war")), 2, environment, "384m", logs));
            cluster.startAll(READY);
            system = new TodoTestSystem(evento, todo, cluster, token, logs, bundleEnvironment);
            system.startBundle("users", 1);
            system.startBundle("todo", 1);
            return system;
        } catch (RuntimeException e) {
            quietly(system);
            for (AutoCloseable closeable : new AutoCloseable[]{cluster, todo, evento}) {
                quietly(closeable);
            }
            throw e;
        }
    }

    /** Starts instance {@code n} of a bundle ({@code todo} or {@code users}) and waits until it is ready; again on the same port. */
    MicroInstance startBundle(String bundle, int n) {
        String name = bundle + "-" + n;
        MicroInstanceSpec spec = specs.computeIfAbsent(name, key -> spec(bundle, key));
        MicroInstance instance = MicroInstance.start(MicroRecipe.fromProject(), spec);
        bundles.put(name, instance);
        return instance.awaitReady(READY);
    }

    private MicroInstanceSpec spec(String bundle, String name) {
        String first = cluster.instance(0).baseUrl();
        String second = cluster.instance(1).baseUrl();
        Map<String, String> settings = new HashMap<>(bundleEnvironment);
        settings.put("OTEL_SERVICE_NAME", name);
        settings.putAll(Map.of(
                "EVENTO_SERVERS", "todo".equals(bundle) ? first + "," + second : second + "," + first,
                "EVENTO_TOKEN", token,
                "EVENTO_BUNDLE_INSTANCE_ID", name,
                "EVENTO_BUNDLE_CONNECT_TIMEOUT_SECONDS", "60",
                "TODO_DB_URL", todoDatabase.jdbcUrl(),
                "TODO_DB_USER", ThrowawayDatabase.user(),
                "TODO_DB_PASSWORD", ThrowawayDatabase.password(),
                "TODO_MQTT_URL", TestServices.mqtt().url()));
        return MicroInstanceSpec.application(name, Path.of(System.getProperty("payara.microJar.forBundles")),
                Path.of(System.getProperty(bundle + ".war")), FreePorts.take("127.0.0.1", 1).get(0), settings, "320m", logs);
    }

    /** A running bundle instance, e.g. {@code todo-1}. */
    MicroInstance bundle(String name) {
        MicroInstance instance = bundles.get(name);
        if (instance == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return instance;
    }

    /** The REST API of {@code todo-1}. */
    String api() {
        return bundle("todo-1").baseUrl();
    }

    /** Stops a bundle instance gracefully (the bundle disables, drains and closes with the application). */
    void stopBundle(String name) {
        bundle(name).close();
    }

    @Override
    public void close() {
        bundles.values().forEach(TodoTestSystem::quietly);
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
