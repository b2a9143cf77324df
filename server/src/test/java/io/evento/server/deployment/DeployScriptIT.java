package io.evento.server.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import io.evento.payara.FreePorts;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;
import io.evento.server.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code deploy/evento} as a user runs it: up, status, down, with the embedded database and the uber-jar. */
class DeployScriptIT {

    private final Path script = MicroRecipe.projectDir().resolve("deploy").resolve("evento");
    private final Path runDir = Path.of("target", "it-logs", "deploy-" + UUID.randomUUID().toString().substring(0, 6)).toAbsolutePath();
    private final Map<String, String> env = new HashMap<>();

    @AfterEach
    void downEvenOnFailure() throws Exception {
        run("down");
        assertThat(processesUsing(runDir)).as("processes left after down").isEmpty();
    }

    @Nested
    class WithoutAnyPostgreSqlAtTheConfiguredAddress {

        @Test
        void upTwoStartsAnEmbeddedDatabaseAndTwoReadyInstancesThatFormOneCluster() throws Exception {
            // given no PostgreSQL listens at the configured port
            int dbPort = FreePorts.take("127.0.0.1", 1).get(0);
            configure(2, "jdbc:postgresql://127.0.0.1:" + dbPort + "/evento");

            // when
            Result up = run("up", "2");

            // then
            assertThat(up.exitCode()).as(up.output()).isZero();
            assertThat(up.output()).contains("embedded PostgreSQL ready").contains("Evento Server cluster ready (2 instance(s)");
            List<String> urls = urls(2);
            for (String url : urls) {
                JsonNode cluster = Http.get(url + "/api/cluster", Http.DEFAULT_ADMIN).json();
                assertThat(cluster.get("members")).hasSize(2);
            }
            assertThat(run("status").output()).contains("instance-1").contains("instance-2").contains("ready");
        }
    }

    @Nested
    class AsAnUberJar {

        @Test
        void upBuildsAndRunsThePayaraMicroUberJar() throws Exception {
            // given the test PostgreSQL
            try (ThrowawayDatabase database = ThrowawayDatabase.create("evento_deploy")) {
                configure(1, database);

                // when
                Result up = run("up", "1", "--uber");

                // then
                assertThat(up.exitCode()).as(up.output()).isZero();
                assertThat(runDir.resolve("evento-server-uber.jar")).isRegularFile();
                assertThat(Files.readString(runDir.resolve("instance-1.log"))).contains("evento-server-uber.jar");
                assertThat(Http.get(urls(1).get(0) + "/health/ready").status()).isEqualTo(200);
                run("down");
            }
        }
    }

    @Nested
    class RightAfterAnInstanceWasKilled {

        @Test
        void upStartsItAgainAndSaysReadyOnlyOnceItIs() throws Exception {
            // given a running instance, killed with kill -9
            try (ThrowawayDatabase database = ThrowawayDatabase.create("evento_deploy")) {
                configure(1, database);
                assertThat(run("up", "1").exitCode()).isZero();
                long killed = Long.parseLong(Files.readString(runDir.resolve("instance-1.pid")).trim());
                new ProcessBuilder("kill", "-9", Long.toString(killed)).start().waitFor(10, TimeUnit.SECONDS);

                // when up runs at once
                Result up = run("up", "1");

                // then the killed instance was started again and is ready when up says so
                assertThat(up.exitCode()).as(up.output()).isZero();
                assertThat(up.output()).doesNotContain("already runs and is ready").contains("instance-1 ready");
                long now = Long.parseLong(Files.readString(runDir.resolve("instance-1.pid")).trim());
                assertThat(now).isNotEqualTo(killed);
                assertThat(Http.get(urls(1).get(0) + "/health/ready").status()).isEqualTo(200);
                run("down");
            }
        }
    }

    @Nested
    class WithAClearTextAdminPassword {

        @Test
        void theWarRefusesToDeployAndSaysWhichUserAndWhatToDo() throws Exception {
            // given a user configured with a password instead of its hash
            try (ThrowawayDatabase database = ThrowawayDatabase.create("evento_deploy")) {
                configure(1, database);
                env.put("EVENTO_ADMIN_USERS", "ops:admin:not-a-hash");

                // when
                Result up = run("up", "1");

                // then
                assertThat(up.exitCode()).as(up.output()).isNotZero();
                assertThat(up.output()).contains("failed to deploy");
                assertThat(Files.readString(runDir.resolve("instance-1.log")))
                        .contains("evento.admin.users holds clear-text passwords for ops")
                        .contains("deploy/evento hash-password").doesNotContain("not-a-hash");
            }
        }
    }

    /** One instance on the throw-away database, reached with the test server's credentials. */
    private void configure(int instances, ThrowawayDatabase database) throws IOException {
        configure(instances, database.jdbcUrl());
        env.put("EVENTO_DB_USER", ThrowawayDatabase.user());
        env.put("EVENTO_DB_PASSWORD", ThrowawayDatabase.password());
        env.put("EVENTO_DB_ADMIN_USER", ThrowawayDatabase.user());
        env.put("EVENTO_DB_ADMIN_PASSWORD", ThrowawayDatabase.password());
    }

    private void configure(int instances, String jdbcUrl) throws IOException {
        env.put("EVENTO_RUN_DIR", runDir.toString());
        env.put("EVENTO_HTTP_PORT", Integer.toString(consecutiveFreePorts(instances)));
        env.put("EVENTO_HAZELCAST_PORT", Integer.toString(consecutiveFreePorts(instances)));
        env.put("EVENTO_CLUSTER_NAME", "evento-deploy-" + UUID.randomUUID().toString().substring(0, 6));
        env.put("EVENTO_DB_URL", jdbcUrl);
        env.put("EVENTO_HEAP", "384m");
    }

    private List<String> urls(int instances) throws IOException {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            urls.add(Files.readString(runDir.resolve("instance-" + i + ".url")).trim());
        }
        return urls;
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), output);
    }

    private static List<String> processesUsing(Path dir) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }

    private static int consecutiveFreePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = FreePorts.take("127.0.0.1", 1).get(0);
            if (base + count > 65_000) {
                continue;
            }
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports");
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            if (!FreePorts.isFree("127.0.0.1", port)) {
                return false;
            }
        }
        return true;
    }

    private record Result(int exitCode, String output) {
    }
}
