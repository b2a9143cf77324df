package io.evento.server.cluster;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.NewEventRecord;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.json.RawJson;
import io.evento.server.testing.BusClient;
import io.evento.server.testing.FakeHandlers;
import io.evento.server.testing.ReconnectingBundle;
import io.evento.server.testing.SharedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances and two bundle instances with aggregate caches race on a few aggregates
 * while the bundles keep losing their connections and registering on the other server (the
 * aggregates move between bundle instances and members). A stale cache must never win: every
 * stored event names the sequence its handler saw, which must be the one right before it.
 */
@ExtendWith(SharedCluster.class)
class AggregateCacheRaceIT {

    private static final Pattern AFTER = Pattern.compile("\"after\":(\\d+)");

    /** An aggregate that keeps the last sequence it handled per aggregate and takes incremental stories as documented. */
    private static Function<Frame, Frame> cachingAggregate() {
        Map<String, Long> held = new ConcurrentHashMap<>();
        return frame -> {
            if (!(frame instanceof InvokeDomainCommand invoke)) {
                return null;
            }
            if (invoke.story().incremental()) {
                Long sequence = held.get(invoke.aggregateId());
                if (sequence == null || sequence != invoke.story().baseSequence()) {
                    return new Failure(UUID.randomUUID().toString(), invoke.id(), ErrorCode.CACHE_MISS.name(), "not held", true, null);
                }
            }
            long last = invoke.story().lastSequence();
            held.put(invoke.aggregateId(), last + 1);
            return new DomainCommandHandled(UUID.randomUUID().toString(), invoke.id(), new NewEventRecord("Raced",
                    RawJson.of("{\"after\":" + last + ",\"command\":" + invoke.payload().json() + "}"), null, null), null, false);
        };
    }

    @Test
    void theStoryAHandlerSawIsAlwaysTheLatestCommittedOneWhenItsEventIsStored() throws Exception {
        // given
        String type = "Race" + UUID.randomUUID().toString().substring(0, 8);
        List<String> servers = List.of(SharedCluster.instance(0).baseUrl(), SharedCluster.instance(1).baseUrl());
        List<ComponentInfo> components = List.of(FakeHandlers.aggregate("Racer", type));
        String prefix = "race-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (ReconnectingBundle one = new ReconnectingBundle(servers, SharedCluster.TOKEN, "racers", components, cachingAggregate(), 1000);
             ReconnectingBundle two = new ReconnectingBundle(List.of(servers.get(1), servers.get(0)), SharedCluster.TOKEN, "racers",
                     components, cachingAggregate(), 1000)) {
            assertThat(one.awaitRegistrations(1, Duration.ofSeconds(15))).isTrue();
            assertThat(two.awaitRegistrations(1, Duration.ofSeconds(15))).isTrue();
            List<BusClient> callers = new ArrayList<>();
            for (String server : servers) {
                callers.add(BusClient.register(server, SharedCluster.TOKEN, "race-api", "race-api-" + UUID.randomUUID(),
                        List.of(new ComponentInfo("Api", ComponentKind.INVOKER, 1, List.of(), null)), 0).keepAlive(Duration.ofMillis(500)));
            }
            long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            ExecutorService threads = Executors.newFixedThreadPool(7);
            List<Future<?>> work = new ArrayList<>();

            // when: six callers send commands on three aggregates, and the bundles keep reconnecting
            for (int t = 0; t < 6; t++) {
                BusClient caller = callers.get(t % 2);
                work.add(threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        String marker = UUID.randomUUID().toString();
                        SendCommand command = new SendCommand(marker, MessageKind.DOMAIN_COMMAND, type, RawJson.of("{\"m\":\"" + marker + "\"}"),
                                null, prefix + ThreadLocalRandom.current().nextInt(3), null, 5000, "Api");
                        for (int attempt = 0; attempt < 20; attempt++) {
                            Frame answer;
                            try {
                                answer = caller.request(command, Duration.ofSeconds(8));
                            } catch (AssertionError e) {
                                continue;
                            }
                            if (answer instanceof CommandResult) {
                                acknowledged.add(marker);
                                break;
                            }
                            if (!((Failure) answer).retryable()) {
                                throw new AssertionError("a command failed for good: " + answer);
                            }
                        }
                    }
                    return null;
                }));
            }
            work.add(threads.submit(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    Thread.sleep(600);
                    (i++ % 2 == 0 ? one : two).drop();
                }
                return null;
            }));
            for (Future<?> future : work) {
                future.get();
            }
            threads.shutdown();
            callers.forEach(BusClient::close);
            assertThat(one.registrations().size() + two.registrations().size()).isGreaterThan(4);
        }

        // then
        Map<String, Integer> storedPerMarker = new HashMap<>();
        try (Connection c = SharedCluster.database().newDataSource().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT aggregate_id, aggregate_sequence, payload::text FROM evento_event "
                     + "WHERE event_type = 'Raced' AND aggregate_id LIKE ? ORDER BY aggregate_id, aggregate_sequence")) {
            select.setString(1, prefix + "%");
            try (ResultSet rows = select.executeQuery()) {
                String aggregate = null;
                long expected = 0;
                while (rows.next()) {
                    if (!rows.getString(1).equals(aggregate)) {
                        aggregate = rows.getString(1);
                        expected = 0;
                    }
                    expected++;
                    long sequence = rows.getLong(2);
                    Matcher after = AFTER.matcher(rows.getString(3));
                    assertThat(after.find()).isTrue();
                    assertThat(sequence).as("no hole in %s", aggregate).isEqualTo(expected);
                    assertThat(Long.parseLong(after.group(1))).as("the story behind %s #%d", aggregate, sequence).isEqualTo(sequence - 1);
                    Matcher marker = Pattern.compile("\"m\":\"([^\"]+)\"").matcher(rows.getString(3));
                    assertThat(marker.find()).isTrue();
                    storedPerMarker.merge(marker.group(1), 1, Integer::sum);
                }
            }
        }
        assertThat(acknowledged).isNotEmpty();
        assertThat(storedPerMarker.values()).allMatch(count -> count == 1);
        assertThat(storedPerMarker.keySet()).containsAll(acknowledged);
    }
}
