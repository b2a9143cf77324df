package io.evento.server.bus;

import io.evento.protocol.frame.Cancel;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.EventsAvailable;
import io.evento.protocol.frame.EventsFetched;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.FetchEvents;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.Heartbeat;
import io.evento.protocol.frame.Hello;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.QueryResult;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.frame.SendQuery;
import io.evento.protocol.frame.Welcome;
import io.evento.protocol.json.RawJson;
import io.evento.server.testing.BusClient;
import io.evento.server.testing.FakeHandlers;
import io.evento.server.testing.SharedCluster;
import io.evento.server.testing.SingleFrameSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bus spoken with a raw WebSocket client against a deployed WAR (one instance of the shared cluster). */
@ExtendWith(SharedCluster.class)
class BusProtocolIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private final List<BusClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(BusClient::close);
    }

    private String url() {
        return SharedCluster.instance(0).baseUrl();
    }

    private BusClient connect() {
        BusClient client = BusClient.connect(url());
        clients.add(client);
        return client;
    }

    private BusClient bundle(String bundleId, ComponentInfo component, int maxInFlight) {
        BusClient client = BusClient.register(url(), SharedCluster.TOKEN, bundleId, "i-" + UUID.randomUUID(), List.of(component), maxInFlight);
        clients.add(client);
        return client;
    }

    private BusClient caller() {
        return bundle("caller-" + UUID.randomUUID(), new ComponentInfo("Invoker", io.evento.protocol.frame.ComponentKind.INVOKER, 1, List.of(), null), 0);
    }

    private static String unique(String name) {
        return name + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static SendCommand domain(String type, String aggregateId, String payload, long timeoutMillis) {
        return new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, type, RawJson.of(payload), null,
                aggregateId, null, timeoutMillis, "Invoker");
    }

    @Nested
    class Handshake {

        @Test
        void aHelloWithTheRightTokenIsWelcomed() {
            // given
            BusClient client = connect();

            // when
            Hello hello = new Hello("h-1", Hello.PROTOCOL_VERSION, "inventory", 3, "inventory-1", SharedCluster.TOKEN,
                    List.of(FakeHandlers.aggregate("Stock", unique("AddStock"))), List.of(), 0);
            Frame answer = client.request(hello, WAIT);

            // then
            assertThat(answer).isInstanceOfSatisfying(Welcome.class, welcome -> {
                assertThat(welcome.serverInstanceId()).isEqualTo("instance-1");
                assertThat(welcome.sessionId()).isNotBlank();
                assertThat(welcome.heartbeatMillis()).isEqualTo(1000);
            });
        }

        @Test
        void aWrongTokenIsRefusedWithAClearCloseReason() {
            BusClient client = connect();
            client.send(new Hello("h-2", Hello.PROTOCOL_VERSION, "inventory", 1, "inventory-1", "guess", List.of(), List.of(), 0));
            assertThat(client.awaitClose(WAIT)).startsWith("1008").contains("UNAUTHENTICATED").contains("wrong token for bundle inventory");
        }

        @Test
        void aTokenBoundToAnotherBundleIsRefused() {
            BusClient client = connect();
            client.send(new Hello("h-3", Hello.PROTOCOL_VERSION, "shipping", 1, "s-1", SharedCluster.BUNDLE_ONLY_TOKEN, List.of(), List.of(), 0));
            assertThat(client.awaitClose(WAIT)).contains("UNAUTHENTICATED");
            BusClient billing = connect();
            assertThat(billing.request(new Hello("h-4", Hello.PROTOCOL_VERSION, "billing", 1, "b-1", SharedCluster.BUNDLE_ONLY_TOKEN,
                    List.of(), List.of(), 0), WAIT)).isInstanceOf(Welcome.class);
        }

        @Test
        void anyOtherFirstFrameIsAProtocolViolation() {
            BusClient client = connect();
            client.send(new Heartbeat("hb"));
            assertThat(client.awaitClose(WAIT)).contains("PROTOCOL_VIOLATION");
        }

        @Test
        void aComponentHandlingWhatItsKindCannotIsRefused() {
            BusClient client = connect();
            ComponentInfo wrong = new ComponentInfo("Lists", io.evento.protocol.frame.ComponentKind.PROJECTION, 1,
                    List.of(new io.evento.protocol.frame.HandlerInfo("CreateList", MessageKind.DOMAIN_COMMAND, null, false, null, List.of(), List.of())), null);
            client.send(new Hello("h-5", Hello.PROTOCOL_VERSION, "lists", 1, "l-1", SharedCluster.TOKEN, List.of(wrong), List.of(), 0));
            assertThat(client.awaitClose(WAIT)).contains("INVALID_REQUEST").contains("cannot handle DOMAIN_COMMAND");
        }
    }

    @Nested
    class Routing {

        @Test
        void aDomainCommandGetsItsStoryAndItsEventIsStoredBeforeTheAnswer() {
            // given an aggregate bundle and a caller
            String type = unique("CreateList");
            AtomicInteger invocations = new AtomicInteger();
            bundle("lists", FakeHandlers.aggregate("ListAggregate", type), 0).respondWith(FakeHandlers.countingAggregate(invocations));
            BusClient caller = caller();
            String aggregate = "list-" + UUID.randomUUID();

            // when two commands run one after the other
            Frame first = caller.request(domain(type, aggregate, "{\"name\":\"a\"}", 10_000), WAIT);
            Frame second = caller.request(domain(type, aggregate, "{\"name\":\"b\"}", 10_000), WAIT);

            // then each answer carries the stored event, the second built on the first
            assertThat(first).isInstanceOfSatisfying(CommandResult.class, r -> {
                assertThat(r.duplicate()).isFalse();
                assertThat(r.event().aggregateId()).isEqualTo(aggregate);
                assertThat(r.event().sequence()).isEqualTo(1);
                assertThat(r.event().type()).isEqualTo(type + "Done");
                assertThat(r.event().payload().json()).contains("\"seen\":0").contains("\"name\":\"a\"");
            });
            assertThat(second).isInstanceOfSatisfying(CommandResult.class, r -> {
                assertThat(r.event().sequence()).isEqualTo(2);
                assertThat(r.event().payload().json()).contains("\"seen\":1").contains("\"events\":1");
            });
            assertThat(SharedCluster.database().queryLong("SELECT count(*) FROM evento_event WHERE aggregate_id = '" + aggregate + "'")).isEqualTo(2);
            assertThat(invocations).hasValue(2);
        }

        @Test
        void aServiceCommandStoresItsServiceEvent() {
            String type = unique("SendMail");
            bundle("mailer", FakeHandlers.service("Mailer", type), 0).respondWith(FakeHandlers.service(true));
            Frame answer = caller().request(new SendCommand(UUID.randomUUID().toString(), MessageKind.SERVICE_COMMAND, type,
                    RawJson.of("\"ann@example.org\""), null, null, "mail-lock", 10_000, "Invoker"), WAIT);
            assertThat(answer).isInstanceOfSatisfying(CommandResult.class, r -> {
                assertThat(r.event().type()).isEqualTo("MailSent");
                assertThat(r.event().aggregateId()).isNull();
                assertThat(r.event().context()).isEqualTo("mail");
                assertThat(r.event().payload().json()).isEqualTo("{\"to\":\"ann@example.org\"}");
            });
        }

        @Test
        void aServiceCommandWithoutEventIsAnsweredWithoutOne() {
            String type = unique("Ping");
            bundle("pinger", FakeHandlers.service("Pinger", type), 0).respondWith(FakeHandlers.service(false));
            Frame answer = caller().request(new SendCommand(UUID.randomUUID().toString(), MessageKind.SERVICE_COMMAND, type,
                    RawJson.of("{}"), null, null, null, 10_000, null), WAIT);
            assertThat(answer).isInstanceOfSatisfying(CommandResult.class, r -> assertThat(r.event()).isNull());
        }

        @Test
        void aQueryIsAnsweredWithTheView() {
            String type = unique("GetList");
            bundle("views", FakeHandlers.projection("Lists", type), 0).respondWith(FakeHandlers.projection("[{\"id\":1},{\"id\":2}]"));
            Frame answer = caller().request(new SendQuery(UUID.randomUUID().toString(), type, RawJson.of("{\"page\":1}"), null, 10_000, null), WAIT);
            assertThat(answer).isInstanceOfSatisfying(QueryResult.class, r -> assertThat(r.result().json()).isEqualTo("[{\"id\":1},{\"id\":2}]"));
        }

        @Test
        void consumersFetchStoredEventsAndAreWokenUp() {
            // given a consumer bundle and an aggregate
            String type = unique("Tick");
            BusClient consumer = bundle("watcher", FakeHandlers.projector("Watcher", type + "Done"), 0);
            bundle("ticks", FakeHandlers.aggregate("Ticker", type), 0).respondWith(FakeHandlers.countingAggregate(new AtomicInteger()));
            String aggregate = "tick-" + UUID.randomUUID();

            // when an event is stored
            caller().request(domain(type, aggregate, "{}", 10_000), WAIT);

            // then the consumer is told and finds it by type
            consumer.await(EventsAvailable.class, e -> true, WAIT);
            await().atMost(WAIT).untilAsserted(() -> {
                Frame page = consumer.request(new FetchEvents(UUID.randomUUID().toString(), "watcher:Watcher:1:*", null,
                        List.of(type + "Done"), "*", 100), WAIT);
                assertThat(page).isInstanceOfSatisfying(EventsFetched.class, p -> {
                    assertThat(p.events()).hasSize(1);
                    assertThat(p.events().get(0).aggregateId()).isEqualTo(aggregate);
                    assertThat(p.next()).isEqualTo(p.events().get(0).position());
                });
            });
        }
    }

    @Nested
    class Failures {

        @Test
        void noHandlerIsAClearFailure() {
            Frame answer = caller().request(domain(unique("Nobody"), "x", "{}", 5000), WAIT);
            assertThat(answer).isInstanceOfSatisfying(Failure.class, f -> {
                assertThat(f.code()).isEqualTo("NO_HANDLER");
                assertThat(f.message()).contains("no enabled bundle instance handles DOMAIN_COMMAND");
            });
        }

        @Test
        void aHandlerErrorReachesTheCallerAndNothingIsStored() {
            String type = unique("Explode");
            bundle("bomb", FakeHandlers.aggregate("Bomb", type), 0).respondWith(frame -> frame instanceof InvokeDomainCommand invoke
                    ? new Failure(UUID.randomUUID().toString(), invoke.id(), "HANDLER_FAILED", "list name must not be empty", false,
                    "java.lang.IllegalArgumentException") : null);
            String aggregate = "bomb-" + UUID.randomUUID();
            Frame answer = caller().request(domain(type, aggregate, "{}", 5000), WAIT);
            assertThat(answer).isInstanceOfSatisfying(Failure.class, f -> {
                assertThat(f.code()).isEqualTo("HANDLER_FAILED");
                assertThat(f.message()).isEqualTo("list name must not be empty");
            });
            assertThat(SharedCluster.database().queryLong("SELECT count(*) FROM evento_event WHERE aggregate_id = '" + aggregate + "'")).isZero();
        }

        @Test
        void aSilentHandlerMakesTheRequestTimeOutIndeterminateAndIsCancelled() {
            // given an aggregate that never answers
            String type = unique("Hang");
            BusClient hanging = bundle("hang", FakeHandlers.aggregate("Hanger", type), 0);

            // when
            long start = System.nanoTime();
            Frame answer = caller().request(domain(type, "h-" + UUID.randomUUID(), "{}", 800), WAIT);

            // then
            assertThat(answer).isInstanceOfSatisfying(Failure.class, f -> {
                assertThat(f.code()).isEqualTo("TIMEOUT_INDETERMINATE");
                assertThat(f.retryable()).isTrue();
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(700), Duration.ofSeconds(5));
            InvokeDomainCommand invoke = hanging.await(InvokeDomainCommand.class, i -> i.payloadType().equals(type), WAIT);
            hanging.await(Cancel.class, c -> c.correlationId().equals(invoke.id()), WAIT);
        }

        @Test
        void aRetriedMessageIdIsExecutedOnce() {
            String type = unique("Once");
            AtomicInteger invocations = new AtomicInteger();
            bundle("once", FakeHandlers.aggregate("Once", type), 0).respondWith(FakeHandlers.countingAggregate(invocations));
            BusClient caller = caller();
            SendCommand command = domain(type, "once-" + UUID.randomUUID(), "{}", 10_000);

            CommandResult first = (CommandResult) caller.request(command, WAIT);
            CommandResult again = (CommandResult) caller.request(command, WAIT);

            assertThat(invocations).hasValue(1);
            assertThat(again.event()).isEqualTo(first.event());
        }

        @Test
        void pastTheInFlightLimitOfABundleCallersGetOverloaded() {
            // given an aggregate instance that accepts one invocation at a time and never answers
            String type = unique("Slow");
            BusClient slow = bundle("slow", FakeHandlers.aggregate("Slow", type), 1);
            BusClient caller = caller();

            // when one command is in flight at the bundle and a second, on another aggregate, comes
            caller.send(domain(type, "slow-a", "{}", 3000));
            slow.await(io.evento.protocol.frame.InvokeDomainCommand.class, i -> i.aggregateId().equals("slow-a"), WAIT);
            Frame second = caller.request(domain(type, "slow-b-" + UUID.randomUUID(), "{}", 3000), WAIT);

            // then the second is refused at once
            assertThat(second).isInstanceOfSatisfying(Failure.class, f -> assertThat(f.code()).isEqualTo("OVERLOADED"));
        }

        @Test
        void aBundleThatFallsSilentIsDroppedAndItsHandlersVanish() {
            // given
            String type = unique("Ghost");
            BusClient ghost = BusClient.connect(url());
            clients.add(ghost);
            ghost.request(new Hello("g", Hello.PROTOCOL_VERSION, "ghost", 1, "g-1", SharedCluster.TOKEN,
                    List.of(FakeHandlers.aggregate("Ghost", type)), List.of(), 0), WAIT);
            ghost.request(new io.evento.protocol.frame.Enable("e"), WAIT);

            // when it sends nothing for three heartbeat periods (1 s each): the raw client does not send heartbeats
            assertThat(ghost.awaitClose(Duration.ofSeconds(10))).contains("heartbeat timeout");

            // then its handler is gone
            Frame answer = caller().request(domain(type, "g", "{}", 2000), WAIT);
            assertThat(answer).isInstanceOfSatisfying(Failure.class, f -> assertThat(f.code()).isEqualTo("NO_HANDLER"));
        }
    }

    @Nested
    class BadFrames {

        @Test
        void malformedUnknownAndOversizedFramesGetTheirErrorAndTheConnectionStays() {
            // given a registered caller
            BusClient caller = caller();

            // when / then
            caller.sendText("{\"type\":\"send-query\",\"id\":\"bad-1\",\"payloadType\":");
            assertThat(caller.await(Failure.class, f -> "MALFORMED_FRAME".equals(f.code()), WAIT).correlationId()).isEqualTo("bad-1");
            caller.sendText("{\"type\":\"launch-missiles\",\"id\":\"bad-2\"}");
            assertThat(caller.await(Failure.class, f -> "bad-2".equals(f.correlationId()), WAIT).code()).isEqualTo("UNKNOWN_FRAME_TYPE");
            caller.sendText("{\"type\":\"send-query\",\"id\":\"bad-3\",\"payloadType\":\"Q\",\"payload\":\"" + "x".repeat(3 << 20) + "\"}");
            assertThat(caller.await(Failure.class, f -> "PAYLOAD_TOO_LARGE".equals(f.code()), WAIT).message()).contains("2097152");
            caller.sendText("{\"type\":\"send-command\",\"id\":\"bad-4\",\"kind\":\"DOMAIN_COMMAND\",\"payloadType\":\"X\",\"payload\":{}}");
            assertThat(caller.await(Failure.class, f -> "bad-4".equals(f.correlationId()), WAIT).message()).contains("aggregateId is required");
            caller.sendText("{\"type\":\"welcome\",\"id\":\"bad-5\"}");
            assertThat(caller.await(Failure.class, f -> "bad-5".equals(f.correlationId()), WAIT).code()).isEqualTo("PROTOCOL_VIOLATION");
            caller.sendBinary(new byte[]{1, 2, 3});
            assertThat(caller.await(Failure.class, f -> f.message().contains("binary"), WAIT).code()).isEqualTo("MALFORMED_FRAME");

            // and the connection still works
            Frame answer = caller.request(domain(unique("Still"), "s", "{}", 2000), WAIT);
            assertThat(answer).isInstanceOf(Failure.class);
            assertThat(caller.isClosed()).isFalse();
        }

        @Test
        void messagesJustAbove4MiBSentAsOneWebSocketFrameAreReadLikeAnyOther() throws Exception {
            // a single WebSocket frame just above Tyrus's default buffer (4 MiB + 11 bytes) used to close with 1011
            for (int size : List.of(4_194_305, 4_194_350, 4_194_404)) {
                try (SingleFrameSocket socket = new SingleFrameSocket(url())) {
                    String head = "{\"type\":\"send-query\",\"id\":\"big\",\"payloadType\":\"Q\",\"payload\":\"";
                    String tail = "\"}";
                    socket.sendText(head + "x".repeat(size - head.length() - tail.length()) + tail);
                    SingleFrameSocket.ServerFrame answer = socket.read();
                    assertThat(answer.opcode()).as("%d bytes: %s", size, answer.opcode() == 8 ? answer.closeCode() : answer.text()).isEqualTo(1);
                    assertThat(answer.text()).as("%d bytes", size).contains("PAYLOAD_TOO_LARGE");
                }
            }
        }

        @Test
        void aMessageOfExactly8MiBInOneFrameIsReadAndOneByteMoreClosesWith1009() throws Exception {
            String head = "{\"type\":\"heartbeat\",\"id\":\"";
            String tail = "\"}";
            for (int round = 0; round < 3; round++) {
                try (SingleFrameSocket socket = new SingleFrameSocket(url())) {
                    socket.sendText(head + "x".repeat((8 << 20) - head.length() - tail.length()) + tail);
                    assertThat(socket.read().text()).contains("PAYLOAD_TOO_LARGE");
                }
                try (SingleFrameSocket socket = new SingleFrameSocket(url())) {
                    socket.sendText(head + "x".repeat((8 << 20) + 1 - head.length() - tail.length()) + tail);
                    SingleFrameSocket.ServerFrame answer = socket.read();
                    assertThat(answer.opcode()).as(answer.text()).isEqualTo(8);
                    assertThat(answer.closeCode()).as(answer.text()).isEqualTo(1009);
                }
            }
            assertThat(SharedCluster.instance(0).httpStatus("/health/live")).isEqualTo(200);
        }

        @Test
        void aMessageOfExactly8MiBInManyFramesIsReadAndAnsweredAndTheConnectionStays() {
            // given a message of 8 MiB (above maxFrameBytes, at the message limit), split in frames by the JDK client
            BusClient caller = caller();
            String head = "{\"type\":\"send-query\",\"id\":\"big\",\"payloadType\":\"Q\",\"payload\":\"";
            String tail = "\"}";
            String message = head + "x".repeat((8 << 20) - head.length() - tail.length()) + tail;

            // when
            caller.sendText(message);

            // then
            assertThat(caller.await(Failure.class, f -> "PAYLOAD_TOO_LARGE".equals(f.code()), WAIT).message()).contains("2097152");
            assertThat(caller.isClosed()).isFalse();
            assertThat(caller.request(domain(unique("After"), "a", "{}", 2000), WAIT)).isInstanceOf(Failure.class);
        }

        @Test
        void aMessageOneByteAbove8MiBClosesThatConnectionWith1009() {
            BusClient reckless = caller();
            reckless.sendText("{\"type\":\"heartbeat\",\"id\":\"" + "x".repeat((8 << 20) - 27) + "\"}");
            assertThat(reckless.awaitClose(WAIT)).startsWith("1009");
            assertThat(caller().isClosed()).isFalse();
        }

        @Test
        void aFrameBeyondTheContainerLimitClosesOnlyThatConnection() {
            BusClient reckless = caller();
            try {
                reckless.sendText("{\"type\":\"heartbeat\",\"id\":\"" + "x".repeat(12 << 20) + "\"}");
            } catch (RuntimeException e) {
                // the server may close while the message is still on its way
            }
            assertThat(reckless.awaitClose(WAIT)).startsWith("1009");
            assertThat(SharedCluster.instance(0).httpStatus("/health/ready")).isEqualTo(200);
            assertThat(caller().isClosed()).isFalse();
        }

        @Test
        void sqlLookingTextInEveryFieldIsRoutedAndStoredVerbatim() {
            String evil = "x'); DROP TABLE evento_event; --";
            String type = unique("Evil");
            bundle("evil " + evil, FakeHandlers.aggregate("Evil " + evil, type), 0).respondWith(FakeHandlers.countingAggregate(new AtomicInteger()));
            Frame answer = caller().request(new SendCommand("id " + evil, MessageKind.DOMAIN_COMMAND, type,
                    RawJson.of("{\"v\":\"" + evil + "\"}"), RawJson.of("{\"m\":\"" + evil + "\"}"), "agg " + evil, null, 5000, evil), WAIT);
            assertThat(answer).isInstanceOfSatisfying(CommandResult.class, r -> {
                assertThat(r.event().aggregateId()).isEqualTo("agg " + evil);
                assertThat(r.event().payload().json()).contains(evil);
            });
            assertThat(SharedCluster.database().queryLong("SELECT count(*) FROM evento_event")).isPositive();
        }
    }
}
