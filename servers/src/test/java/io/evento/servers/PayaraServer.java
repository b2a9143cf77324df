package io.evento.servers;

import io.evento.payara.FreePorts;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;
import io.evento.payara.server.DomainRecipe;
import io.evento.server.testing.Http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Payara Server (the {@code fish.payara.distributions:payara} archive from Maven Central) with the
 * WAR: a new domain on a free port base, the loopback recipe of {@link DomainRecipe} applied to its
 * {@code domain.xml} before the first start, the PostgreSQL driver in the domain's {@code lib},
 * the datasource from the project's post-boot command file (the same one Payara Micro runs), and
 * the WAR deployed with {@code asadmin deploy}. Payara Server has Hazelcast: the WAR joins a
 * one-member Hazelcast cluster on the bind address.
 */
final class PayaraServer implements JakartaServer {

    private static final String DOMAIN = "evento-it";
    /** Port-base offsets create-domain assigns: admin, HTTP, HTTPS, IIOP (three), JMX, OSGi shell, debugger, Hazelcast (two), JMS. */
    private static final List<Integer> PORTS = List.of(48, 80, 81, 37, 38, 39, 86, 66, 9, 49, 59, 76);

    private final Path home;
    private final ThrowawayDatabase database;
    private final Path logs;
    private final String address;
    private final int base;

    private PayaraServer(Path home, ThrowawayDatabase database, Path logs, String address, int base) {
        this.home = home;
        this.database = database;
        this.logs = logs;
        this.address = address;
        this.base = base;
    }

    static PayaraServer start() {
        Path home = Path.of(System.getProperty("evento.payara.home"));
        Path logs = home.getParent().getParent().resolve("server-logs");
        MicroRecipe recipe = MicroRecipe.fromProject();
        String address = recipe.bindAddress();
        ThrowawayDatabase database = ThrowawayDatabase.create("evento_payaras");
        int base = FreePorts.freeBase(address, 31_000, 100, PORTS);
        PayaraServer server = new PayaraServer(home, database, logs, address, base);
        try {
            Path domainDir = home.resolve("glassfish/domains").resolve(DOMAIN);
            deleteTree(domainDir);
            server.asadmin("create-domain", Duration.ofSeconds(120), "--interactive=false", "create-domain", "--nopassword",
                    "--portbase", Integer.toString(base), DOMAIN);
            new DomainRecipe(address, base + 49, recipe.jvmOptions()).applyTo(domainDir.resolve("config/domain.xml"));
            Files.copy(Path.of(System.getProperty("evento.postgresql.jar")), domainDir.resolve("lib/postgresql.jar"));
            server.asadmin("start-domain", Duration.ofSeconds(180), "start-domain", "--postbootcommandfile",
                    recipe.postBootFile().toString(), DOMAIN);
            server.asadmin("deploy", Duration.ofSeconds(180), "--port", Integer.toString(base + 48), "deploy", "--name",
                    "evento-server", System.getProperty("evento.server.war"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Http.get(server.healthUrl() + "/ready").status() == 200);
            return server;
        } catch (RuntimeException | IOException e) {
            server.close();
            throw new IllegalStateException("Payara Server did not come up: " + e.getMessage() + "\n" + server.serverLogTail(), e);
        }
    }

    private void asadmin(String step, Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/asadmin").toString()));
        command.addAll(List.of(arguments));
        Map<String, String> environment = Map.of(
                "EVENTO_DB_URL", database.jdbcUrl(),
                "EVENTO_DB_USER", ThrowawayDatabase.user(),
                "EVENTO_DB_PASSWORD", ThrowawayDatabase.password(),
                "EVENTO_DB_POOL_SIZE", "16",
                "EVENTO_BUS_TOKENS", BUS_TOKEN,
                "EVENTO_SERVER_INSTANCE_ID", "payara-server-it");
        ServerProcess.run("asadmin " + step, command, home, environment, logs.resolve("payara-asadmin.log"), timeout);
    }

    private String serverLogTail() {
        Path log = home.resolve("glassfish/domains").resolve(DOMAIN).resolve("logs/server.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Override
    public String name() {
        return "Payara Server";
    }

    @Override
    public String baseUrl() {
        return "http://" + address + ":" + (base + 80);
    }

    @Override
    public String healthUrl() {
        return baseUrl() + "/health";
    }

    @Override
    public String clusterKind() {
        return "hazelcast";
    }

    @Override
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    @Override
    public void close() {
        try {
            asadmin("stop-domain", Duration.ofSeconds(90), "stop-domain", "--kill=true", DOMAIN);
        } catch (RuntimeException e) {
            killByPidFile();
        } finally {
            database.close();
        }
    }

    private void killByPidFile() {
        Path pid = home.resolve("glassfish/domains").resolve(DOMAIN).resolve("config/pid");
        try {
            if (Files.exists(pid)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroyForcibly);
            }
        } catch (IOException | NumberFormatException e) {
            // nothing left to stop
        }
    }
}
