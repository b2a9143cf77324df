package io.evento.server.health;

import io.evento.payara.FreePorts;
import io.evento.payara.MicroCluster;
import io.evento.payara.MicroInstance;
import io.evento.payara.database.DatabaseSetup;
import io.evento.payara.database.DatabaseUrl;
import io.evento.server.testing.Http;
import io.evento.server.testing.ServerLaunch;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance whose database is missing reports not-ready with a clear log line and becomes ready
 * when the database appears; when the database goes away and comes back, the same process
 * recovers without a restart. The database is an embedded PostgreSQL the test starts and stops.
 */
class DatabaseRecoveryIT {

    private MicroCluster cluster;
    private EmbeddedPostgres postgres;

    @AfterEach
    void stopEverything() throws IOException {
        if (cluster != null) {
            cluster.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void notReadyWithoutDatabaseThenRecoversWithoutRestart() throws Exception {
        // given an instance configured for a PostgreSQL that does not run yet
        int port = FreePorts.take("127.0.0.1", 1).get(0);
        DatabaseUrl url = new DatabaseUrl("127.0.0.1", port, "evento_recovery");
        Path dataDir = Path.of("target", "it-logs", "recovery-pgdata-" + port).toAbsolutePath();
        cluster = MicroCluster.prepare(ServerLaunch.recipe(),
                ServerLaunch.cluster("recovery", 1, url.jdbcUrl(url.database()), Map.of()));
        MicroInstance instance = cluster.start(0, Map.of());
        long pid = instance.pid();

        // when it has booted
        await().atMost(Duration.ofSeconds(240)).until(() -> instance.httpStatus("/health/ready") == 503
                && Files.readString(instance.logFile()).contains("Evento server NOT READY"));

        // then it is not ready, says why, and logs one clear line
        Http.Response notReady = Http.get(instance.baseUrl() + "/health/ready");
        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.body()).contains("\"migrated\":\"false\"").contains("problem");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(instance.logFile())
                .contains("Evento server NOT READY: cannot use the database 'jdbc/evento'"));

        // when the database appears
        postgres = startPostgres(port, dataDir);
        new DatabaseSetup(url, "postgres", "postgres").ensure("postgres", "postgres");

        // then the same process becomes ready
        await().atMost(Duration.ofSeconds(60)).until(() -> instance.httpStatus("/health/ready") == 200);
        assertThat(instance.pid()).isEqualTo(pid);

        // when the database goes away
        postgres.close();
        postgres = null;

        // then it is not ready and logs that the database is unreachable
        await().atMost(Duration.ofSeconds(30)).until(() -> instance.httpStatus("/health/ready") == 503);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(instance.logFile())
                .contains("Evento server NOT READY: database 'jdbc/evento' unreachable"));

        // when it comes back
        postgres = startPostgres(port, dataDir);

        // then the instance recovers, still without a restart
        await().atMost(Duration.ofSeconds(60)).until(() -> instance.httpStatus("/health/ready") == 200);
        assertThat(instance.isAlive()).isTrue();
        assertThat(instance.pid()).isEqualTo(pid);
        assertThat(Files.readString(instance.logFile())).contains("reachable again");
    }

    private static EmbeddedPostgres startPostgres(int port, Path dataDir) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }
}
