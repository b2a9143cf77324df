package io.evento.server.bus;

import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.EventsAvailable;
import io.evento.protocol.frame.EventsFetched;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.FetchEvents;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.Cancel;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.NewEventRecord;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.json.RawJson;
import io.evento.server.testing.BusClient;
import io.evento.server.testing.FakeHandlers;
import io.evento.server.testing.SharedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What docs/protocol.md promises, checked with a raw WebSocket client written from the document,
 * on both instances of the shared cluster: idempotency across instances, replacement of a bundle
 * instance's connection wherever it is, the order kept within a batch, who gets wake-ups, late
 * answers, field checks and handshake failures.
 */
@ExtendWith(SharedCluster.class)
class ProtocolDocumentIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final List<BusClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(BusClient::close);
    }

    private String url(int instance) {
        return SharedCluster.instance(instance).baseUrl();
    }

    private BusClient bundle(int instance, String bundleId, String instanceId, ComponentInfo component) {
        BusClient client = BusClient.register(url(instance), SharedCluster.TOKEN, bundleId, instanceId, List.of(component), 0)
                .keepAlive(Duration.ofMillis(500));
        clients.add(client);
        return client;
    }

    private BusClient caller(int instance, String bundleId) {
        return bundle(instance, bundleId, bundleId + "-" + UUID.randomUUID(),
                new ComponentInfo("Invoker", ComponentKind.INVOKER, 1, List.of(), null));
    }

    private static String unique(String name) {
        return name + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static SendCommand domain(String id, String type, String aggregateId, String payload) {
        return new SendCommand(id, MessageKind.DOMAIN_COMMAND, type, RawJson.of(payload), null, aggregateId, null, 10_000, "Invoker");
    }

    @Nested
    class Idempotency {

        @Test
        void aRetryThroughTheOtherInstanceGetsTheOriginalResultWithoutRunningTheHandlerAgain() {
            // given: a create command succeeded through instance 1
            String type = unique("Create");
            AtomicInteger invocations = new AtomicInteger();
            bundle(0, "lists", "lists-" + UUID.randomUUID(), FakeHandlers.aggregate("Lists", type))
                    .respondWith(FakeHandlers.countingAggregate(invocations));
            String callerBundle = unique("api");
            SendCommand create = domain(UUID.randomUUID().toString(), type, unique("list-"), "{}");
            CommandResult original = (CommandResult) caller(0, callerBundle).request(create, WAIT);

            // when: the same bundle retries the same id through instance 2
            Frame retried = caller(1, callerBundle).request(create, WAIT);

            // then
            assertThat(retried).isInstanceOfSatisfying(CommandResult.class, r -> {
                assertThat(r.duplicate()).isTrue();
                assertThat(r.event()).isEqualTo(original.event());
            });
            assertThat(original.duplicate()).isFalse();
            assertThat(invocations).hasValue(1);
        }

        @Test
        void twoRetriesAtOnceThroughBothInstancesRunTheHandlerOnce() {
            // given: an aggregate that holds its first answer until told
            String type = unique("Hold");
            List<InvokeDomainCommand> seen = new CopyOnWriteArrayList<>();
            BusClient aggregate = bundle(0, "holds", "holds-" + UUID.randomUUID(), FakeHandlers.aggregate("Holds", type));
            aggregate.respondWith(frame -> {
                if (frame instanceof InvokeDomainCommand invoke) {
                    seen.add(invoke);
                }
                return null;
            });
            String callerBundle = unique("api");
            BusClient one = caller(0, callerBundle);
            BusClient two = caller(1, callerBundle);
            SendCommand command = domain(UUID.randomUUID().toString(), type, unique("hold-"), "{}");

            // when
            one.send(command);
            two.send(command);
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> !seen.isEmpty());
            InvokeDomainCommand invoke = seen.get(0);
            aggregate.send(new DomainCommandHandled(UUID.randomUUID().toString(), invoke.id(),
                    new NewEventRecord(type + "Done", RawJson.of("{}"), null, null), null, false));

            // then
            CommandResult first = (CommandResult) one.awaitResponse(command.id(), WAIT);
            CommandResult second = (CommandResult) two.awaitResponse(command.id(), WAIT);
            assertThat(second.event()).isEqualTo(first.event());
            assertThat(List.of(first.duplicate(), second.duplicate())).containsExactlyInAnyOrder(false, true);
            assertThat(seen).hasSize(1);
        }

        @Test
        void aRetryOfACommandThatFailedForGoodGetsTheSameFailureWithoutRunningAgain() {
            // given
            String type = unique("Refuse");
            AtomicInteger invocations = new AtomicInteger();
            bundle(0, "refusing", "refusing-" + UUID.randomUUID(), FakeHandlers.aggregate("Refusing", type)).respondWith(frame -> {
                if (frame instanceof InvokeDomainCommand invoke) {
                    invocations.incrementAndGet();
                    return new Failure(UUID.randomUUID().toString(), invoke.id(), "AGGREGATE_NOT_FOUND", "no such list", false, null);
                }
                return null;
            });
            BusClient caller = caller(1, unique("api"));
            SendCommand command = domain(UUID.randomUUID().toString(), type, unique("gone-"), "{}");

            // when
            Failure first = (Failure) caller.request(command, WAIT);
            Failure again = (Failure) caller.request(command, WAIT);

            // then
            assertThat(again.code()).isEqualTo(first.code()).isEqualTo("AGGREGATE_NOT_FOUND");
            assertThat(again.retryable()).isFalse();
            assertThat(invocations).hasValue(1);
        }
    }

    @Nested
    class Connections {

        @Test
        void aNewConnectionOfTheSameBundleInstanceOnTheOtherServerClosesTheOldOne() {
            // given
            String type = unique("Moved");
            String instance = "movable-" + UUID.randomUUID();
            BusClient old = bundle(0, "movable", instance, FakeHandlers.aggregate("Movable", type));

            // when
            BusClient fresh = bundle(1, "movable", instance, FakeHandlers.aggregate("Movable", type));
            fresh.respondWith(FakeHandlers.countingAggregate(new AtomicInteger()));

            // then
            assertThat(old.awaitClose(WAIT)).startsWith("1008").contains("replaced by a newer connection");
            Frame answer = caller(0, unique("api")).request(domain(UUID.randomUUID().toString(), type, "m-1", "{}"), WAIT);
            assertThat(answer).isInstanceOf(CommandResult.class);
        }

        @Test
        void aSilentConnectionIsClosedWith1001() {
            BusClient silent = BusClient.register(url(0), SharedCluster.TOKEN, "silent", "silent-" + UUID.randomUUID(),
                    List.of(), 0);
            clients.add(silent);
            assertThat(silent.awaitClose(Duration.ofSeconds(10))).startsWith("1001").contains("heartbeat timeout");
        }

        @Test
        void aHelloWithVersionZeroOrAFirstMessageThatIsNoJsonClosesTheConnection() {
            BusClient zero = BusClient.connect(url(1));
            clients.add(zero);
            zero.sendText("{\"type\":\"hello\",\"id\":\"h0\",\"protocolVersion\":1,\"bundleId\":\"b\",\"bundleVersion\":0,"
                    + "\"instanceId\":\"i\",\"token\":\"" + SharedCluster.TOKEN + "\"}");
            assertThat(zero.await(Failure.class, f -> true, WAIT).code()).isEqualTo("MALFORMED_FRAME");
            assertThat(zero.awaitClose(WAIT)).startsWith("1008").contains("MALFORMED_FRAME");

            BusClient noise = BusClient.connect(url(1));
            clients.add(noise);
            noise.sendText("hello?");
            assertThat(noise.awaitClose(WAIT)).startsWith("1008").contains("MALFORMED_FRAME");
        }
    }

    @Nested
    class Batches {

        @Test
        void commandsOnOneAggregateSentInOneMessageAreStoredInTheOrderSent() {
            // given
            String type = unique("Step");
            bundle(0, "steps", "steps-" + UUID.randomUUID(), FakeHandlers.aggregate("Steps", type))
                    .respondWith(FakeHandlers.countingAggregate(new AtomicInteger()));
            BusClient caller = caller(1, unique("api"));
            String aggregate = unique("steps-");
            List<String> frames = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            io.evento.protocol.FrameCodec codec = new io.evento.protocol.FrameCodec();
            for (int i = 0; i < 6; i++) {
                SendCommand command = domain("b" + i + "-" + UUID.randomUUID(), type, aggregate, "{\"step\":" + i + "}");
                ids.add(command.id());
                frames.add(codec.encode(command));
            }

            // when
            caller.sendText("[" + String.join(",", frames) + "]");

            // then
            for (int i = 0; i < 6; i++) {
                CommandResult result = (CommandResult) caller.awaitResponse(ids.get(i), WAIT);
                assertThat(result.event().sequence()).as("step %d", i).isEqualTo(i + 1);
                assertThat(result.event().payload().json()).contains("{\"step\":" + i + "}");
            }
        }
    }

    @Nested
    class WakeUps {

        @Test
        void reachAConnectionThatFetchedEventsEvenWithoutConsumerComponents() {
            // given: a caller (no consumer component) that fetched once
            String type = unique("Wake");
            bundle(0, "wakes", "wakes-" + UUID.randomUUID(), FakeHandlers.aggregate("Wakes", type))
                    .respondWith(FakeHandlers.countingAggregate(new AtomicInteger()));
            BusClient reader = caller(1, unique("reader"));
            assertThat(reader.request(new FetchEvents(UUID.randomUUID().toString(), "reader:x:1:*", null, List.of(), "*", 1), WAIT))
                    .isInstanceOf(EventsFetched.class);

            // when
            caller(0, unique("api")).request(domain(UUID.randomUUID().toString(), type, unique("w-"), "{}"), WAIT);

            // then
            assertThat(reader.await(EventsAvailable.class, e -> true, WAIT).head()).isNotBlank();
        }
    }

    @Nested
    class LateAnswers {

        @Test
        void anAnswerAfterTheCancelIsIgnored() {
            // given: a silent aggregate and a short deadline
            String type = unique("Late");
            BusClient late = bundle(0, "late", "late-" + UUID.randomUUID(), FakeHandlers.aggregate("Late", type));
            BusClient caller = caller(0, unique("api"));
            SendCommand command = new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, type, RawJson.of("{}"), null,
                    unique("l-"), null, 500, "Invoker");
            caller.send(command);
            InvokeDomainCommand invoke = late.await(InvokeDomainCommand.class, i -> i.payloadType().equals(type), WAIT);
            late.await(Cancel.class, c -> c.correlationId().equals(invoke.id()), WAIT);

            // when
            String answerId = UUID.randomUUID().toString();
            late.send(new DomainCommandHandled(answerId, invoke.id(), new NewEventRecord(type + "Done", RawJson.of("{}"), null, null), null,
                    false));

            // then: no failure comes back for it, and nothing was stored
            assertThat(((Failure) caller.awaitResponse(command.id(), WAIT)).code()).isEqualTo("TIMEOUT_INDETERMINATE");
            assertThatThrownBy(() -> late.await(Failure.class, f -> answerId.equals(f.correlationId()), Duration.ofSeconds(2)))
                    .isInstanceOf(AssertionError.class);
            assertThat(SharedCluster.database().queryLong("SELECT count(*) FROM evento_event WHERE event_type = '" + type + "Done'")).isZero();
        }
    }

    @Nested
    class FieldChecks {

        @Test
        void metadataThatIsNoJsonObjectIsMalformed() {
            BusClient caller = caller(0, unique("api"));
            for (String metadata : List.of("[1]", "\"str\"", "7")) {
                String id = UUID.randomUUID().toString();
                caller.sendText("{\"type\":\"send-command\",\"id\":\"" + id + "\",\"kind\":\"SERVICE_COMMAND\",\"payloadType\":\"X\","
                        + "\"payload\":{},\"metadata\":" + metadata + "}");
                Failure failure = (Failure) caller.awaitResponse(id, WAIT);
                assertThat(failure.code()).as(metadata).isEqualTo("MALFORMED_FRAME");
                assertThat(failure.message()).contains("metadata must be a JSON object");
            }
        }

        @Test
        void aBadCursorAndAnOverlongAggregateIdAreMalformed() {
            BusClient caller = caller(0, unique("api"));
            caller.sendText("{\"type\":\"fetch-events\",\"id\":\"c1\",\"consumerId\":\"c\",\"after\":\"7.x\",\"context\":\"*\",\"limit\":10}");
            assertThat(((Failure) caller.awaitResponse("c1", WAIT)).code()).isEqualTo("MALFORMED_FRAME");
            caller.sendText("{\"type\":\"send-command\",\"id\":\"c2\",\"kind\":\"DOMAIN_COMMAND\",\"payloadType\":\"X\",\"payload\":{},"
                    + "\"aggregateId\":\"" + "a".repeat(256) + "\"}");
            Failure failure = (Failure) caller.awaitResponse("c2", WAIT);
            assertThat(failure.code()).isEqualTo("MALFORMED_FRAME");
            assertThat(failure.message()).contains("aggregateId is longer than 255");
        }

        @Test
        void noHandlerIsRetryable() {
            Failure failure = (Failure) caller(1, unique("api")).request(domain(UUID.randomUUID().toString(), unique("Nobody"), "n", "{}"), WAIT);
            assertThat(failure.code()).isEqualTo("NO_HANDLER");
            assertThat(failure.retryable()).isTrue();
        }
    }
    @Nested
    class Contexts {

        @Test
        void anAnswerWhoseEventNamesAPatternFailsTheCommandAtOnceWithTheReasonAndStoresNothing() {
            // given an aggregate (on instance 1) that answers with an event in the "context" eu*
            String type = unique("Ctx");
            BusClient aggregate = bundle(0, "ctx", "ctx-" + UUID.randomUUID(), FakeHandlers.aggregate("Ctx", type));
            aggregate.respondWith(frame -> {
                if (frame instanceof InvokeDomainCommand invoke) {
                    aggregate.sendText("{\"type\":\"domain-command-handled\",\"id\":\"" + UUID.randomUUID() + "\",\"correlationId\":\""
                            + invoke.id() + "\",\"event\":{\"type\":\"" + type + "Done\",\"payload\":{},\"context\":\"eu*\"}}");
                }
                return null;
            });
            String aggregateId = unique("ctx-");

            // when a caller on instance 2 sends it a command with a deadline of 10 s
            long start = System.nanoTime();
            Frame answer = caller(1, unique("api")).request(domain(UUID.randomUUID().toString(), type, aggregateId, "{}"), WAIT);

            // then the caller learns why, long before the deadline, the bundle is told too, and nothing is stored
            assertThat(answer).isInstanceOfSatisfying(Failure.class, f -> {
                assertThat(f.code()).isEqualTo("MALFORMED_FRAME");
                assertThat(f.message()).contains("event context 'eu*' contains '*'");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            aggregate.await(Failure.class, f -> f.message().contains("event context"), WAIT);
            assertThat(SharedCluster.database().queryLong("SELECT count(*) FROM evento_event WHERE aggregate_id = '" + aggregateId + "'"))
                    .isZero();
        }

        @Test
        void aFetchReadsAnExactContextAPrefixOrAllAndABadPatternIsAMalformedFrame() {
            // given events of one type stored in eu, eu-it, us and default (the aggregate takes the context from the id)
            String type = unique("Zone");
            bundle(0, "zones", "zones-" + UUID.randomUUID(), FakeHandlers.aggregate("Zones", type)).respondWith(frame ->
                    frame instanceof InvokeDomainCommand invoke ? new DomainCommandHandled(UUID.randomUUID().toString(), invoke.id(),
                            new NewEventRecord(type + "Done", RawJson.of("{}"), null, invoke.aggregateId().split("/")[0].replace("none", "")),
                            null, false) : null);
            BusClient client = caller(1, unique("api"));
            for (String zone : List.of("eu", "eu-it", "us", "none")) {
                assertThat(client.request(domain(UUID.randomUUID().toString(), type, zone + "/" + unique(""), "{}"), WAIT))
                        .isInstanceOf(CommandResult.class);
            }

            // then
            assertThat(contexts(client, type, "eu*", 2)).containsExactly("eu", "eu-it");
            assertThat(contexts(client, type, "us", 1)).containsExactly("us");
            assertThat(contexts(client, type, "eu-*", 1)).containsExactly("eu-it");
            assertThat(contexts(client, type, "*", 4)).containsExactly("eu", "eu-it", "us", "default");
            for (String bad : List.of("e*u", "*eu", "a:b")) {
                String id = UUID.randomUUID().toString();
                client.sendText("{\"type\":\"fetch-events\",\"id\":\"" + id + "\",\"consumerId\":\"c\",\"types\":[],\"context\":\""
                        + bad + "\",\"limit\":10}");
                assertThat(client.awaitResponse(id, WAIT)).isInstanceOfSatisfying(Failure.class,
                        f -> assertThat(f.code()).isEqualTo("MALFORMED_FRAME"));
            }
        }

        /** The contexts of this type's events a consumer reading the pattern gets, paging from the start to the head. */
        private List<String> contexts(BusClient client, String type, String pattern, int expected) {
            List<String> contexts = new ArrayList<>();
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
                contexts.clear();
                String after = null;
                while (true) {
                    EventsFetched page = (EventsFetched) client.request(new FetchEvents(UUID.randomUUID().toString(), "c", after,
                            List.of(type + "Done"), pattern, 1000), WAIT);
                    page.events().forEach(e -> contexts.add(e.context()));
                    if (page.next().equals(after) || page.next().equals(page.head())) {
                        return contexts.size() >= expected;
                    }
                    after = page.next();
                }
            });
            return contexts;
        }
    }
}
