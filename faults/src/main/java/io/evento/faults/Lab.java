package io.evento.faults;

import io.evento.payara.FreePorts;
import io.evento.payara.MicroCluster;
import io.evento.payara.MicroInstance;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.DatabaseSetup;
import io.evento.payara.database.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system under faults, all on loopback: a PostgreSQL of its own (embedded, so that restarting
 * it disturbs nothing else), two server instances on the project's loopback recipe, and the
 * bundle process. It injects the faults: kill -9 and restart of an instance, SIGSTOP/SIGCONT,
 * a database restart, kill -9 and restart of the bundle, and a partition between the instances
 * (packet filtering between their Hazelcast ports on loopback).
 */
final class Lab implements AutoCloseable {

    static final String TOKEN = "fault-token";
    private static final String VIEWER_PASSWORD = "fault-viewer-pw";
    /**
     * Hazelcast notices a silent member after 6 s instead of 60 and merges split clusters after 5 s
     * instead of 5 minutes, so that a partition of a few seconds really splits the cluster and the
     * suite sees it merge.
     */
    private static final String HAZELCAST_TIMING = "-Dhazelcast.heartbeat.interval.seconds=1 -Dhazelcast.max.no.heartbeat.seconds=6"
            + " -Dhazelcast.merge.first.run.delay.seconds=5 -Dhazelcast.merge.next.run.delay.seconds=5";
    private static final Duration READY = Duration.ofSeconds(240);
    private static final Pattern CONNECTED = Pattern.compile("connected to ws://[^:]+:(\\d+)/bus");

    private final Path workDir;
    private final int pgPort;
    private final Path pgData;
    private final DatabaseUrl url;
    private EmbeddedPostgres postgres;
    private MicroCluster cluster;
    private Process bundle;
    private Path bundleLog;
    private int bundleStarts;
    private final List<String> cutRules = new ArrayList<>();

    private Lab(Path workDir) {
        this.workDir = workDir;
        this.pgPort = FreePorts.take("127.0.0.1", 1).get(0);
        this.pgData = workDir.resolve("pgdata");
        this.url = new DatabaseUrl("127.0.0.1", pgPort, "evento_faults");
    }

    static Lab start(Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Lab lab = new Lab(workDir);
        try {
            lab.deleteDatabaseFiles();
            lab.postgres = lab.postgres();
            new DatabaseSetup(lab.url, "postgres", "postgres").ensure("postgres", "postgres");
            Path root = MicroRecipe.projectDir();
            Path runtime = root.resolve("server/target/runtime");
            lab.cluster = MicroCluster.prepare(MicroRecipe.fromProject(), new MicroCluster.Settings(runtime.resolve("payara-micro.jar"),
                    runtime.resolve("postgresql.jar"), root.resolve("server/target/evento-server.war"), 2, Map.of(
                    "EVENTO_DB_URL", lab.jdbcUrl(), "EVENTO_DB_USER", "postgres", "EVENTO_DB_PASSWORD", "postgres",
                    "EVENTO_BUS_TOKENS", TOKEN, "EVENTO_BUS_HEARTBEAT_MILLIS", "1000", "EVENTO_DB_RETRY_MILLIS", "500",
                    "EVENTO_DB_POOL_SIZE", "16", "EVENTO_ADMIN_USERS", "faults:viewer:" + io.evento.payara.password.PasswordHash.of(VIEWER_PASSWORD.toCharArray()),
                    "JAVA_TOOL_OPTIONS", HAZELCAST_TIMING), "384m", workDir.resolve("servers")));
            lab.cluster.startAll(READY);
            lab.startBundle();
            return lab;
        } catch (Exception e) {
            lab.close();
            throw e;
        }
    }

    /** Started on the same files every time (a restart keeps the data); {@code setCleanDataDirectory} would delete them on close. */
    private EmbeddedPostgres postgres() throws IOException {
        return EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(pgData).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    private void deleteDatabaseFiles() throws IOException {
        if (Files.exists(pgData)) {
            try (var paths = Files.walk(pgData)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    String jdbcUrl() {
        return url.jdbcUrl(url.database());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    List<String> servers() {
        return cluster.instances().stream().map(MicroInstance::baseUrl).toList();
    }

    MicroInstance instance(int index) {
        return cluster.instance(index);
    }

    // --- the bundle ------------------------------------------------------------------------------

    void startBundle() throws IOException, InterruptedException {
        Path classes = Path.of(System.getProperty("evento.faults.classpath",
                MicroRecipe.projectDir().resolve("faults/target/classes").toString()));
        String classpath = classes + java.io.File.pathSeparator
                + Files.readString(classes.getParent().resolve("classpath.txt")).trim();
        bundleLog = workDir.resolve("bundle-" + (++bundleStarts) + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        bundle = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, "io.evento.faults.bundle.FaultBundle",
                String.join(",", servers()), TOKEN, "counters-" + UUID.randomUUID().toString().substring(0, 8), jdbcUrl(), "postgres",
                "postgres").redirectErrorStream(true).redirectOutput(bundleLog.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(bundleLog) && Files.readString(bundleLog).contains("READY ")) {
                return;
            }
            if (!bundle.isAlive()) {
                throw new IllegalStateException("the bundle exited: " + Files.readString(bundleLog));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the bundle did not get ready: " + Files.readString(bundleLog));
    }

    void killBundle() throws InterruptedException {
        bundle.destroyForcibly();
        bundle.waitFor(10, TimeUnit.SECONDS);
    }

    /** The index of the instance the bundle is connected to now (its log's last connection). */
    int instanceHoldingBundle() throws IOException {
        Matcher matcher = CONNECTED.matcher(Files.readString(bundleLog));
        int port = -1;
        while (matcher.find()) {
            port = Integer.parseInt(matcher.group(1));
        }
        for (int i = 0; i < 2; i++) {
            if (cluster.instance(i).spec().httpPort() == port) {
                return i;
            }
        }
        throw new IllegalStateException("the bundle's log names no instance: " + bundleLog);
    }

    // --- server instances ------------------------------------------------------------------------

    void killInstance(int index) {
        cluster.instance(index).kill();
    }

    void restartInstance(int index) {
        cluster.start(index, Map.of()).awaitReady(READY);
    }

    void stopInstance(int index) throws IOException, InterruptedException {
        signal("STOP", cluster.instance(index).pid());
    }

    void continueInstance(int index) throws IOException, InterruptedException {
        signal("CONT", cluster.instance(index).pid());
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        run("kill", "-" + signal, Long.toString(pid));
    }

    /** How many cluster members the instance sees ({@code /api/cluster}). */
    int members(int index) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(cluster.instance(index).baseUrl() + "/api/cluster"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("faults:" + VIEWER_PASSWORD)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(3)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            Matcher members = Pattern.compile("\"memberId\"").matcher(response.body());
            int count = 0;
            while (members.find()) {
                count++;
            }
            return response.statusCode() == 200 ? count - 1 : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    boolean ready(int index) {
        return cluster.instance(index).isAlive() && cluster.instance(index).httpStatus("/health/ready") == 200;
    }

    // --- the database ----------------------------------------------------------------------------

    void stopDatabase() throws IOException {
        postgres.close();
        postgres = null;
    }

    void startDatabase() throws IOException {
        postgres = postgres();
    }

    // --- the partition ---------------------------------------------------------------------------

    /** Whether packets between the instances can be filtered here (root with iptables). */
    static boolean canPartition() {
        try {
            return run("iptables", "-L", "INPUT", "-n") == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Drops every loopback packet to or from either instance's Hazelcast port. */
    void cut() throws IOException, InterruptedException {
        for (int i = 0; i < 2; i++) {
            int port = cluster.instance(i).spec().hazelcastPort();
            for (String direction : List.of("--dport", "--sport")) {
                String rule = "INPUT -i lo -p tcp " + direction + " " + port + " -j DROP";
                if (run(("iptables -I " + rule).split(" ")) != 0) {
                    throw new IllegalStateException("iptables refused: " + rule);
                }
                cutRules.add(rule);
            }
        }
    }

    void heal() throws IOException, InterruptedException {
        for (String rule : cutRules) {
            run(("iptables -D " + rule).split(" "));
        }
        cutRules.clear();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(20, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() {
        try {
            heal();
        } catch (Exception e) {
            // nothing was cut
        }
        if (bundle != null) {
            bundle.destroyForcibly();
        }
        if (cluster != null) {
            for (MicroInstance instance : cluster.instances()) {
                try {
                    signal("CONT", instance.pid());
                } catch (Exception e) {
                    // not stopped
                }
            }
            cluster.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // stopping anyway
            }
        }
    }
}
