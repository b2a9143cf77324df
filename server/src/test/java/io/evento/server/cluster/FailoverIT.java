package io.evento.server.cluster;

import io.evento.payara.MicroCluster;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.json.RawJson;
import io.evento.server.testing.BusClient;
import io.evento.server.testing.FakeHandlers;
import io.evento.server.testing.ReconnectingBundle;
import io.evento.server.testing.ServerLaunch;
import io.evento.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server instance crashes: the aggregate bundle connected to it reconnects to the other
 * instance, registers again, and commands succeed again within seconds; the aggregate's events are
 * stored once each, in order, without a hole.
 */
class FailoverIT {

    private static final String TOKEN = "failover-token";
    private TestDatabase database;
    private MicroCluster cluster;
    private ReconnectingBundle bundle;
    private BusClient caller;

    @AfterEach
    void stopEverything() {
        if (caller != null) {
            caller.close();
        }
        if (bundle != null) {
            bundle.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aBundleWhoseServerDiesIsServedByTheOtherInstanceWithinSeconds() throws Exception {
        // given two instances, the aggregate bundle on instance 1, the caller on instance 2
        database = TestDatabase.empty();
        cluster = MicroCluster.prepare(ServerLaunch.recipe(), ServerLaunch.cluster("failover", 2, database.jdbcUrl(),
                Map.of("EVENTO_BUS_TOKENS", TOKEN, "EVENTO_BUS_HEARTBEAT_MILLIS", "1000"))).startAll(Duration.ofSeconds(240));
        String first = cluster.instance(0).baseUrl();
        String second = cluster.instance(1).baseUrl();
        String type = "Deposit";
        AtomicInteger invocations = new AtomicInteger();
        bundle = new ReconnectingBundle(List.of(first, second), TOKEN, "accounts",
                List.of(FakeHandlers.aggregate("Account", type)), FakeHandlers.countingAggregate(invocations));
        assertThat(bundle.awaitRegistrations(1, Duration.ofSeconds(20))).isTrue();
        // the caller sends heartbeats: silent for three periods (3 s) while the bundle fails over, it would be dropped
        caller = BusClient.register(second, TOKEN, "teller", "teller-1",
                List.of(new ComponentInfo("Teller", ComponentKind.INVOKER, 1, List.of(), null)), 0).keepAlive(Duration.ofMillis(300));
        String account = "account-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(send(type, account, i)).isInstanceOf(CommandResult.class);
        }

        // when instance 1 is killed
        cluster.instance(0).kill();
        long killed = System.nanoTime();

        // then the bundle registers on instance 2 and commands succeed again within seconds
        assertThat(bundle.awaitRegistrations(2, Duration.ofSeconds(30))).isTrue();
        assertThat(bundle.registrations()).containsExactly(first, second);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(send(type, account, 5)).isInstanceOf(CommandResult.class));
        Duration recovered = Duration.ofNanos(System.nanoTime() - killed);
        assertThat(recovered).isLessThan(Duration.ofSeconds(30));
        for (int i = 6; i < 10; i++) {
            assertThat(send(type, account, i)).isInstanceOf(CommandResult.class);
        }

        // and every command's event is stored once, in order, without a hole
        assertThat(database.queryLong("SELECT count(*) FROM evento_event WHERE aggregate_id = '" + account + "'")).isEqualTo(10);
        assertThat(database.queryLong("SELECT max(aggregate_sequence) FROM evento_event WHERE aggregate_id = '" + account + "'")).isEqualTo(10);
        System.out.println("failover: commands served again " + recovered.toMillis() + " ms after the crash");
    }

    private Frame send(String type, String account, int n) {
        return caller.request(new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, type,
                RawJson.of("{\"amount\":" + n + "}"), null, account, null, 3000, "Teller"), Duration.ofSeconds(10));
    }
}
