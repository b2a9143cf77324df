package io.evento.server.health;

import io.evento.payara.FreePorts;
import io.evento.payara.MicroCluster;
import io.evento.payara.MicroInstance;
import io.evento.payara.database.DatabaseSetup;
import io.evento.payara.database.DatabaseUrl;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.json.RawJson;
import io.evento.server.testing.BusClient;
import io.evento.server.testing.FakeHandlers;
import io.evento.server.testing.ServerLaunch;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database restart under a running instance: while it is down, commands fail retryably (never
 * INTERNAL) and the instance is not ready; once it is back the same process stores events again
 * by itself (every connection it held is replaced), and as soon as it says ready, it can write.
 * The database is an embedded PostgreSQL the test restarts.
 */
class DatabaseRestartIT {

    private static final String TOKEN = "restart-token";

    private MicroCluster cluster;
    private EmbeddedPostgres postgres;
    private final List<BusClient> clients = new ArrayList<>();

    @AfterEach
    void stopEverything() throws IOException {
        clients.forEach(BusClient::close);
        if (cluster != null) {
            cluster.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void afterARestartTheInstanceStoresEventsAgainAndIsReadyOnlyWhenItCanWrite() throws Exception {
        // given a ready instance storing events
        int port = FreePorts.take("127.0.0.1", 1).get(0);
        DatabaseUrl url = new DatabaseUrl("127.0.0.1", port, "evento_restart");
        Path dataDir = Path.of("target", "it-logs", "restart-pgdata-" + port).toAbsolutePath();
        postgres = startPostgres(port, dataDir);
        new DatabaseSetup(url, "postgres", "postgres").ensure("postgres", "postgres");
        cluster = MicroCluster.prepare(ServerLaunch.recipe(), ServerLaunch.cluster("restart", 1, url.jdbcUrl(url.database()),
                Map.of("EVENTO_BUS_TOKENS", TOKEN, "EVENTO_BUS_HEARTBEAT_MILLIS", "1000")));
        MicroInstance instance = cluster.start(0, Map.of()).awaitReady(Duration.ofSeconds(240));
        String type = "Count";
        BusClient aggregate = BusClient.register(instance.baseUrl(), TOKEN, "counters", "counters-1",
                List.of(FakeHandlers.aggregate("Counter", type)), 0).keepAlive(Duration.ofMillis(500))
                .respondWith(FakeHandlers.countingAggregate(new AtomicInteger()));
        BusClient caller = BusClient.register(instance.baseUrl(), TOKEN, "api", "api-1",
                List.of(new ComponentInfo("Api", ComponentKind.INVOKER, 1, List.of(), null)), 0).keepAlive(Duration.ofMillis(500));
        clients.add(aggregate);
        clients.add(caller);
        assertThat(send(caller, type)).isInstanceOf(CommandResult.class);

        // when the database restarts
        postgres.close();
        postgres = null;
        await().atMost(Duration.ofSeconds(30)).until(() -> instance.httpStatus("/health/ready") == 503);
        List<Frame> whileDown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            whileDown.add(send(caller, type));
        }
        postgres = startPostgres(port, dataDir);

        // then: what failed while it was down said so, retryably
        assertThat(whileDown).allSatisfy(answer -> assertThat(answer).isInstanceOfSatisfying(Failure.class, f -> {
            assertThat(f.code()).isIn("DATABASE_UNAVAILABLE", "NOT_READY", "TIMEOUT_INDETERMINATE");
            assertThat(f.retryable()).isTrue();
        }));

        // and once it says ready, it writes at once, without a restart of the instance
        await().atMost(Duration.ofSeconds(60)).until(() -> instance.httpStatus("/health/ready") == 200);
        for (int i = 0; i < 5; i++) {
            assertThat(send(caller, type)).as("command %d after the restart", i).isInstanceOf(CommandResult.class);
        }
        assertThat(instance.isAlive()).isTrue();
    }

    private static Frame send(BusClient caller, String type) {
        return caller.request(new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, type, RawJson.of("{}"), null,
                "counter-" + UUID.randomUUID(), null, 5000, "Api"), Duration.ofSeconds(15));
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
