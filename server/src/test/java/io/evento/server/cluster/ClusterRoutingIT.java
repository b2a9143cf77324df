package io.evento.server.cluster;

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
import io.evento.server.testing.SharedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing across the two instances of the shared cluster. */
@ExtendWith(SharedCluster.class)
class ClusterRoutingIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private static SendCommand command(String type, String aggregate, int n) {
        return new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, type, RawJson.of("{\"n\":" + n + "}"),
                null, aggregate, null, 15_000, "Invoker");
    }

    private BusClient caller(int instance) {
        BusClient caller = BusClient.register(SharedCluster.instance(instance).baseUrl(), SharedCluster.TOKEN, "caller",
                "caller-" + UUID.randomUUID(), List.of(new ComponentInfo("Invoker", ComponentKind.INVOKER, 1, List.of(), null)), 0);
        resources.add(caller);
        return caller;
    }

    @Nested
    class ACallerOnTheOtherInstance {

        @Test
        void reachesTheAggregateAndItsEventsAreStoredOnceInOrder() {
            // given the aggregate bundle on instance 1, the caller on instance 2
            String type = "Count" + UUID.randomUUID().toString().substring(0, 8);
            BusClient aggregate = BusClient.register(SharedCluster.instance(0).baseUrl(), SharedCluster.TOKEN, "counter", "counter-1",
                    List.of(FakeHandlers.aggregate("Counter", type)), 0).respondWith(FakeHandlers.countingAggregate(new AtomicInteger()));
            resources.add(aggregate);
            BusClient caller = caller(1);
            String id = "count-" + UUID.randomUUID();

            // when
            List<Long> sequences = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Frame answer = caller.request(command(type, id, i), WAIT);
                assertThat(answer).isInstanceOf(CommandResult.class);
                sequences.add(((CommandResult) answer).event().sequence());
            }

            // then
            assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
            assertThat(SharedCluster.database().queryLong("SELECT count(*) FROM evento_event WHERE aggregate_id = '" + id + "'")).isEqualTo(10);
        }
    }

    @Nested
    class ConcurrentCommandsOnOneAggregateFromBothInstances {

        @Test
        void loseNoUpdateAndLeaveNoHole() {
            // given an aggregate bundle instance on each server and a caller on each
            String type = "Race" + UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < 2; i++) {
                BusClient aggregate = BusClient.register(SharedCluster.instance(i).baseUrl(), SharedCluster.TOKEN, "racer",
                        "racer-" + i, List.of(FakeHandlers.aggregate("Racer", type)), 0)
                        .respondWith(FakeHandlers.countingAggregate(new AtomicInteger()));
                resources.add(aggregate);
            }
            List<BusClient> callers = List.of(caller(0), caller(1));
            String id = "race-" + UUID.randomUUID();

            // when 40 commands are sent at once, half through each instance
            List<CompletableFuture<Frame>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                BusClient caller = callers.get(i % 2);
                SendCommand command = command(type, id, i);
                answers.add(CompletableFuture.supplyAsync(() -> caller.request(command, WAIT)));
            }
            List<CommandResult> results = answers.stream().map(CompletableFuture::join).map(CommandResult.class::cast).toList();

            // then every event was computed on the state right before it: no lost update, no hole
            assertThat(results).extracting(r -> r.event().sequence()).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, 40).boxed().toList());
            for (CommandResult result : results) {
                assertThat(result.event().payload().json()).contains("\"seen\":" + (result.event().sequence() - 1) + ",");
            }
            assertThat(SharedCluster.database().queryLong("SELECT count(DISTINCT aggregate_sequence) FROM evento_event WHERE aggregate_id = '"
                    + id + "'")).isEqualTo(40);
        }
    }

    @Nested
    class WhenABundleMovesToTheOtherInstance {

        @Test
        void itsHandlersFollowIt() throws Exception {
            // given a bundle that reconnects from instance 1 to instance 2 after losing its connection
            String type = "Move" + UUID.randomUUID().toString().substring(0, 8);
            List<String> urls = List.of(SharedCluster.instance(0).baseUrl(), SharedCluster.instance(1).baseUrl());
            ReconnectingBundle bundle = new ReconnectingBundle(urls, SharedCluster.TOKEN, "mover",
                    List.of(FakeHandlers.aggregate("Mover", type)), FakeHandlers.countingAggregate(new AtomicInteger()));
            resources.add(bundle);
            assertThat(bundle.awaitRegistrations(1, WAIT)).isTrue();
            BusClient caller = caller(0);
            String id = "move-" + UUID.randomUUID();
            assertThat(caller.request(command(type, id, 0), WAIT)).isInstanceOf(CommandResult.class);

            // when its connection is cut by a restart of its server side is simulated by closing all sessions
            SharedCluster.instance(0);
            bundle.close();
            ReconnectingBundle moved = new ReconnectingBundle(List.of(urls.get(1)), SharedCluster.TOKEN, "mover",
                    List.of(FakeHandlers.aggregate("Mover", type)), FakeHandlers.countingAggregate(new AtomicInteger()));
            resources.add(moved);
            assertThat(moved.awaitRegistrations(1, WAIT)).isTrue();

            // then the caller on instance 1 reaches it on instance 2
            Frame answer = caller.request(command(type, id, 1), WAIT);
            assertThat(answer).isInstanceOfSatisfying(CommandResult.class, r -> assertThat(r.event().sequence()).isEqualTo(2));
        }
    }
}
