package io.evento.servers;

import io.evento.payara.FreePorts;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;
import io.evento.server.testing.Http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * WildFly (the {@code wildfly-dist} archive from Maven Central) with the WAR, set up as the README
 * says: the {@code standalone-microprofile.xml} profile (MicroProfile Health and Config), the
 * PostgreSQL driver deployed, a datasource bound at {@code java:/jdbc/evento} with validation,
 * Jakarta Security identities accepted as the application's mechanism gives them
 * ({@code integrated-jaspi=false}), the WAR deployed; started with every interface on the bind address and its ports shifted by a free
 * offset. WildFly has no Hazelcast: the WAR runs as a one-member cluster.
 */
final class WildFlyServer implements JakartaServer {

    private static final List<Integer> PORTS = List.of(8080, 8443, 9990, 9993, 4712, 4713);

    private final ThrowawayDatabase database;
    private final ServerProcess process;
    private final String address;
    private final int offset;

    private WildFlyServer(ThrowawayDatabase database, ServerProcess process, String address, int offset) {
        this.database = database;
        this.process = process;
        this.address = address;
        this.offset = offset;
    }

    static WildFlyServer start() {
        Path home = Path.of(System.getProperty("evento.wildfly.home"));
        Path war = Path.of(System.getProperty("evento.server.war"));
        Path driver = Path.of(System.getProperty("evento.postgresql.jar"));
        Path logs = home.getParent().getParent().resolve("server-logs");
        String address = MicroRecipe.fromProject().bindAddress();
        ThrowawayDatabase database = ThrowawayDatabase.create("evento_wildfly");
        ServerProcess process = null;
        try {
            Path script = logs.resolve("wildfly-setup.cli");
            Files.createDirectories(logs);
            Files.writeString(script, String.join("\n",
                    "embed-server --server-config=standalone-microprofile.xml",
                    "deploy " + driver + " --name=postgresql.jar",
                    "data-source add --name=evento --jndi-name=java:/jdbc/evento --driver-name=postgresql.jar"
                            + " --connection-url=" + database.jdbcUrl() + " --user-name=" + ThrowawayDatabase.user()
                            + " --password=" + ThrowawayDatabase.password() + " --max-pool-size=16 --validate-on-match=true"
                            + " --valid-connection-checker-class-name=org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLValidConnectionChecker"
                            + " --exception-sorter-class-name=org.jboss.jca.adapters.jdbc.extensions.postgres.PostgreSQLExceptionSorter",
                    // the admin API's identities come from its own Jakarta Security mechanism and identity store,
                    // not from an Elytron realm
                    "/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)",
                    "deploy " + war + " --name=evento-server.war",
                    "stop-embedded-server", ""));
            ServerProcess.run("WildFly CLI", List.of("bash", home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script),
                    home, Map.of(), logs.resolve("wildfly-cli.log"), Duration.ofSeconds(90));
            int offset = FreePorts.freeBase(address, 1000, 100, PORTS);
            process = ServerProcess.start("WildFly", List.of("bash", home.resolve("bin/standalone.sh").toString(),
                    "-c", "standalone-microprofile.xml", "-b", address, "-bmanagement", address,
                    "-Djboss.socket.binding.port-offset=" + offset), home,
                    Map.of("JAVA_OPTS", "-Xmx512m -Djava.net.preferIPv4Stack=true", "EVENTO_BUS_TOKENS", BUS_TOKEN,
                            "EVENTO_SERVER_INSTANCE_ID", "wildfly-it"),
                    logs.resolve("wildfly.log"));
            WildFlyServer server = new WildFlyServer(database, process, address, offset);
            ServerProcess running = process;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .failFast("WildFly exited:\n" + running.tail(), () -> !running.isAlive())
                    .until(() -> Http.get(server.healthUrl() + "/ready").status() == 200);
            return server;
        } catch (RuntimeException | java.io.IOException e) {
            if (process != null) {
                process.stop();
            }
            database.close();
            throw new IllegalStateException("WildFly did not come up: " + e.getMessage()
                    + (process == null ? "" : "\n" + process.tail()), e);
        }
    }

    @Override
    public String name() {
        return "WildFly";
    }

    @Override
    public String baseUrl() {
        return "http://" + address + ":" + (8080 + offset);
    }

    @Override
    public String healthUrl() {
        return "http://" + address + ":" + (9990 + offset) + "/health";
    }

    @Override
    public String clusterKind() {
        return "standalone";
    }

    @Override
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    @Override
    public void close() {
        try {
            process.stop();
        } finally {
            database.close();
        }
    }
}
