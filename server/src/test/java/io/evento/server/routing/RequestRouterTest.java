package io.evento.server.routing;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.frame.Cancel;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.NewEventRecord;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.json.RawJson;
import io.evento.server.cluster.standalone.LocalMessaging;
import io.evento.server.command.CommandSettings;
import io.evento.server.command.Invocations;
import io.evento.server.routing.local.LocalRouteDirectory;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.NewEvent;
import io.evento.server.store.memory.InMemoryEventStore;
import io.evento.server.testing.FakeBundle;
import io.evento.server.testing.FakeClock;
import io.evento.server.testing.FakeHandlers;
import io.evento.server.testing.ServerNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The origin side and the executing side of requests, wired as in the server but with fakes: an
 * in-memory event store, a one-member cluster, fake bundle connections, a clock the test moves.
 */
class RequestRouterTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ComponentInfo LISTS = FakeHandlers.aggregate("TodoList", "AddItem");

    private final FakeClock clock = new FakeClock();
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final LocalRouteDirectory routes = new LocalRouteDirectory();
    private final List<ServerNode> nodes = new ArrayList<>();

    @AfterEach
    void close() {
        nodes.forEach(ServerNode::close);
    }

    private ServerNode node(String member, CommandSettings commands, RoutingSettings routing) {
        ServerNode node = new ServerNode(routes, new LocalMessaging(member, Executors.newCachedThreadPool()), store, clock, commands, routing);
        nodes.add(node);
        return node;
    }

    private ServerNode node() {
        return node("member-a", CommandSettings.defaults(), RoutingSettings.defaults());
    }

    /** An aggregate that answers with one event naming the sequence it followed, and counts its invocations. */
    private static final class Counter implements Function<Frame, Frame> {
        final List<InvokeDomainCommand> invocations = new CopyOnWriteArrayList<>();

        @Override
        public Frame apply(Frame frame) {
            if (!(frame instanceof InvokeDomainCommand invoke)) {
                return null;
            }
            invocations.add(invoke);
            return handled(invoke);
        }
    }

    static DomainCommandHandled handled(InvokeDomainCommand invoke) {
        return new DomainCommandHandled(UUID.randomUUID().toString(), invoke.id(), new NewEventRecord("ItemAdded",
                RawJson.of("{\"after\":" + invoke.story().lastSequence() + "}"), null, null), null, false);
    }

    static SendCommand add(String aggregateId) {
        return new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, "AddItem", RawJson.of("{}"), null,
                aggregateId, null, 10_000, "Api");
    }

    private static Frame answer(FakeBundle caller, String requestId) {
        await().atMost(WAIT).until(() -> !caller.answers(requestId).isEmpty());
        return caller.answers(requestId).get(0);
    }

    @Nested
    class ADomainCommand {

        @Test
        void isExecutedOnceAndItsEventStoredAfterTheStory() {
            // given
            ServerNode node = node();
            Counter aggregate = new Counter();
            node.bundle("lists", "lists-1", List.of(LISTS), 0, aggregate);
            FakeBundle caller = node.caller("api");
            SendCommand first = add("list-1");
            SendCommand second = add("list-1");

            // when
            caller.send(first);
            answer(caller, first.id());
            caller.send(second);

            // then
            CommandResult result = (CommandResult) answer(caller, second.id());
            assertThat(result.duplicate()).isFalse();
            assertThat(result.event().sequence()).isEqualTo(2);
            assertThat(result.event().payload().json()).isEqualTo("{\"after\":1}");
            assertThat(aggregate.invocations).hasSize(2);
            assertThat(store.readAggregate("list-1").lastSequence()).isEqualTo(2);
        }

        @Test
        void withoutAnyHandlerIsAnsweredNoHandler() {
            // given
            ServerNode node = node();
            FakeBundle caller = node.caller("api");
            SendCommand command = add("list-1");

            // when
            caller.send(command);

            // then
            Failure failure = (Failure) answer(caller, command.id());
            assertThat(failure.code()).isEqualTo(ErrorCode.NO_HANDLER.name());
            assertThat(failure.retryable()).isTrue();
        }

        @Test
        void isRecordedWithItsKindAndOutcome() {
            // given
            ServerNode node = node();
            node.bundle("lists", "lists-1", List.of(LISTS), 0, new Counter());
            FakeBundle caller = node.caller("api");
            SendCommand handled = add("list-1");
            SendCommand unhandled = new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, "Nobody", RawJson.of("{}"),
                    null, "list-2", null, 10_000, "Api");

            // when
            caller.send(handled);
            answer(caller, handled.id());
            caller.send(unhandled);
            answer(caller, unhandled.id());

            // then
            await().atMost(WAIT).until(() -> node.recorded.size() == 2);
            assertThat(node.recorded).containsExactly("DOMAIN_COMMAND/OK", "DOMAIN_COMMAND/NO_HANDLER");
        }

        @Test
        void sentInOneBatchIsStoredInTheOrderSent() {
            // given
            ServerNode node = node();
            Counter aggregate = new Counter();
            node.bundle("lists", "lists-1", List.of(LISTS), 0, aggregate);
            FakeBundle caller = node.caller("api");
            SendCommand[] batch = new SendCommand[6];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = add("list-order");
            }

            // when
            caller.send(batch);

            // then
            for (int i = 0; i < batch.length; i++) {
                CommandResult result = (CommandResult) answer(caller, batch[i].id());
                assertThat(result.event().sequence()).as("command %d", i).isEqualTo(i + 1);
            }
        }
    }

    @Nested
    class ARepeatedSend {

        @Test
        void whileTheCommandRunsWaitsForTheSameAnswerAndRunsNothingTwice() {
            // given
            ServerNode node = node();
            Counter aggregate = new Counter();
            AtomicInteger held = new AtomicInteger();
            List<InvokeDomainCommand> waiting = new CopyOnWriteArrayList<>();
            node.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> {
                if (frame instanceof InvokeDomainCommand invoke && held.getAndIncrement() == 0) {
                    waiting.add(invoke);
                    return null;
                }
                return aggregate.apply(frame);
            });
            FakeBundle caller = node.caller("api");
            SendCommand command = add("list-1");

            // when: sent twice while the aggregate has not answered
            caller.send(command);
            await().atMost(WAIT).until(() -> waiting.size() == 1);
            caller.send(command);
            node.invocations.answered(bundleOf(node, "lists-1"), waiting.get(0).id(), handled(waiting.get(0)), false);

            // then
            await().atMost(WAIT).until(() -> caller.answers(command.id()).size() == 2);
            List<Frame> answers = caller.answers(command.id());
            assertThat(answers).allMatch(CommandResult.class::isInstance);
            assertThat(((CommandResult) answers.get(0)).duplicate()).isFalse();
            assertThat(((CommandResult) answers.get(1)).duplicate()).isTrue();
            assertThat(held.get()).isEqualTo(1);
            assertThat(store.readAggregate("list-1").lastSequence()).isEqualTo(1);
        }

        @Test
        void afterTheAnswerGetsTheOriginalEventMarkedDuplicate() {
            // given
            ServerNode node = node();
            Counter aggregate = new Counter();
            node.bundle("lists", "lists-1", List.of(LISTS), 0, aggregate);
            FakeBundle caller = node.caller("api");
            SendCommand command = add("list-1");
            caller.send(command);
            CommandResult original = (CommandResult) answer(caller, command.id());

            // when
            caller.send(command);

            // then
            await().atMost(WAIT).until(() -> caller.answers(command.id()).size() == 2);
            CommandResult repeated = (CommandResult) caller.answers(command.id()).get(1);
            assertThat(repeated.duplicate()).isTrue();
            assertThat(repeated.event()).isEqualTo(original.event());
            assertThat(aggregate.invocations).hasSize(1);
        }

        @Test
        void throughAnotherServerInstanceRunsNothingTwice() {
            // given: two origins, one member executing (the aggregate's bundle, with a cache, is connected to it)
            ServerNode executing = node();
            ServerNode other = node("member-b", CommandSettings.defaults(), RoutingSettings.defaults());
            Counter aggregate = new Counter();
            executing.bundle("lists", "lists-1", List.of(LISTS), 100, aggregate);
            FakeBundle callerHere = executing.caller("api");
            SendCommand command = add("list-1");
            callerHere.send(command);
            CommandResult original = (CommandResult) answer(callerHere, command.id());

            // when: the same bundle retries through the other instance's origin, which sends the execution here
            FakeBundle callerThere = new FakeBundle(executing, callerHere.channel(), callerHere.connection());
            RequestRouter otherOrigin = new RequestRouter(routes, executing.executor, other.memberId, RoutingSettings.defaults(),
                    (delay, task) -> { }, clock);
            otherOrigin.submit(callerThere.connection(), command);

            // then
            await().atMost(WAIT).until(() -> callerHere.answers(command.id()).size() == 2);
            CommandResult repeated = (CommandResult) callerHere.answers(command.id()).get(1);
            assertThat(repeated.duplicate()).isTrue();
            assertThat(repeated.event()).isEqualTo(original.event());
            assertThat(aggregate.invocations).hasSize(1);
        }

        @Test
        void throughTwoServerInstancesAtOnceRunsTheHandlerOnce() {
            // given: the aggregate (with a cache) holds its answer to the first send
            ServerNode executing = node();
            List<InvokeDomainCommand> held = new CopyOnWriteArrayList<>();
            Counter aggregate = new Counter();
            FakeBundle bundle = executing.bundle("lists", "lists-1", List.of(LISTS), 100, frame -> {
                if (frame instanceof InvokeDomainCommand invoke && held.isEmpty()) {
                    held.add(invoke);
                    aggregate.invocations.add(invoke);
                    return null;
                }
                return aggregate.apply(frame);
            });
            FakeBundle caller = executing.caller("api");
            SendCommand command = add("list-1");
            RequestRouter otherOrigin = new RequestRouter(routes, executing.executor, "member-b", RoutingSettings.defaults(),
                    (delay, task) -> { }, clock);

            // when: the same send arrives through both origins before the aggregate answered
            caller.send(command);
            await().atMost(WAIT).until(() -> held.size() == 1);
            otherOrigin.submit(caller.connection(), command);
            executing.invocations.answered(bundle.connection(), held.get(0).id(), handled(held.get(0)), false);

            // then
            await().atMost(WAIT).until(() -> caller.answers(command.id()).size() == 2);
            assertThat(caller.answers(command.id())).allMatch(CommandResult.class::isInstance);
            assertThat(aggregate.invocations).hasSize(1);
            assertThat(store.readAggregate("list-1").lastSequence()).isEqualTo(1);
        }

        @Test
        void afterTheExecutingMemberForgotItIsFoundInTheEventStore() {
            // given: the command ran through one member
            ServerNode first = node();
            Counter aggregate = new Counter();
            FakeBundle bundle = first.bundle("lists", "lists-1", List.of(LISTS), 0, aggregate);
            FakeBundle caller = first.caller("api");
            SendCommand command = add("list-1");
            caller.send(command);
            CommandResult original = (CommandResult) answer(caller, command.id());
            first.close(bundle);

            // when: the bundle reconnected to another member, and the caller retries there
            ServerNode second = node("member-b", CommandSettings.defaults(), RoutingSettings.defaults());
            Counter again = new Counter();
            second.bundle("lists", "lists-1", List.of(LISTS), 0, again);
            FakeBundle callerThere = second.caller("api");
            callerThere.send(command);

            // then: the handler does not run again, the original event is the answer
            CommandResult repeated = (CommandResult) answer(callerThere, command.id());
            assertThat(repeated.duplicate()).isTrue();
            assertThat(repeated.event().eventId()).isEqualTo(original.event().eventId());
            assertThat(repeated.event().sequence()).isEqualTo(1);
            assertThat(again.invocations).isEmpty();
        }
    }

    @Nested
    class TheAggregateCache {

        @Test
        void sparesTheStoryOfAnAggregateTheBundleHolds() {
            // given
            ServerNode node = node();
            Counter aggregate = new Counter();
            node.bundle("lists", "lists-1", List.of(LISTS), 100, aggregate);
            FakeBundle caller = node.caller("api");
            SendCommand first = add("list-1");
            SendCommand second = add("list-1");

            // when
            caller.send(first);
            answer(caller, first.id());
            caller.send(second);

            // then
            CommandResult result = (CommandResult) answer(caller, second.id());
            assertThat(result.event().sequence()).isEqualTo(2);
            assertThat(aggregate.invocations.get(0).story().incremental()).isFalse();
            assertThat(aggregate.invocations.get(1).story().incremental()).isTrue();
            assertThat(aggregate.invocations.get(1).story().baseSequence()).isEqualTo(1);
            assertThat(aggregate.invocations.get(1).story().events()).isEmpty();
        }

        @Test
        void sendsTheWholeStoryWhenTheBundleAnswersCacheMiss() {
            // given: a bundle that forgets everything between commands
            ServerNode node = node();
            List<InvokeDomainCommand> seen = new CopyOnWriteArrayList<>();
            node.bundle("lists", "lists-1", List.of(LISTS), 100, frame -> {
                if (!(frame instanceof InvokeDomainCommand invoke)) {
                    return null;
                }
                seen.add(invoke);
                if (invoke.story().incremental()) {
                    return new Failure(UUID.randomUUID().toString(), invoke.id(), ErrorCode.CACHE_MISS.name(), "not held", true, null);
                }
                return handled(invoke);
            });
            FakeBundle caller = node.caller("api");
            SendCommand first = add("list-1");
            SendCommand second = add("list-1");
            caller.send(first);
            answer(caller, first.id());

            // when
            caller.send(second);

            // then
            CommandResult result = (CommandResult) answer(caller, second.id());
            assertThat(result.event().sequence()).isEqualTo(2);
            assertThat(seen).hasSize(3);
            assertThat(seen.get(1).story().incremental()).isTrue();
            assertThat(seen.get(2).story().incremental()).isFalse();
            assertThat(seen.get(2).story().events()).hasSize(1);
        }

        @Test
        void thatIsStaleNeverWinsTheCommandRunsAgainOnTheLatestStory() {
            // given: the bundle holds the state after sequence 1, then another instance stores sequence 2
            ServerNode node = node();
            Counter aggregate = new Counter();
            node.bundle("lists", "lists-1", List.of(LISTS), 100, aggregate);
            FakeBundle caller = node.caller("api");
            SendCommand first = add("list-1");
            caller.send(first);
            answer(caller, first.id());
            store.append(AppendRequest.toAggregate("list-1", 1, List.of(NewEvent.of(UUID.randomUUID().toString(), "ItemAdded",
                    "{\"after\":1}"))));
            SendCommand second = add("list-1");

            // when
            caller.send(second);

            // then: the stale attempt lost on the optimistic check; the stored event followed the latest story
            CommandResult result = (CommandResult) answer(caller, second.id());
            assertThat(result.event().sequence()).isEqualTo(3);
            assertThat(result.event().payload().json()).isEqualTo("{\"after\":2}");
            InvokeDomainCommand last = aggregate.invocations.get(aggregate.invocations.size() - 1);
            assertThat(last.story().incremental()).isFalse();
            assertThat(last.story().lastSequence()).isEqualTo(2);
        }
    }

    @Nested
    class TheDeadline {

        @Test
        void passingAnswersIndeterminateAndCancelsTheInvocation() {
            // given: an aggregate that never answers
            ServerNode node = node();
            FakeBundle bundle = node.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> null);
            FakeBundle caller = node.caller("api");
            SendCommand command = add("list-1");
            caller.send(command);
            await().atMost(WAIT).until(() -> !bundle.channel().frames(InvokeDomainCommand.class).isEmpty());
            InvokeDomainCommand invocation = bundle.channel().frames(InvokeDomainCommand.class).get(0);

            // when
            clock.advance(10_001);
            node.router.expireDue();
            node.invocations.expireDue();

            // then
            Failure failure = (Failure) answer(caller, command.id());
            assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT_INDETERMINATE.name());
            assertThat(failure.retryable()).isTrue();
            await().atMost(WAIT).until(() -> !bundle.channel().frames(Cancel.class).isEmpty());
            assertThat(bundle.channel().frames(Cancel.class).get(0).correlationId()).isEqualTo(invocation.id());
            assertThat(node.invocations.answered(bundle.connection(), invocation.id(), handled(invocation), false))
                    .isEqualTo(Invocations.Answer.LATE);
            assertThat(store.readAggregate("list-1").lastSequence()).isZero();
        }

        @Test
        void anAnswerNobodyWaitedForIsUnexpected() {
            // given
            ServerNode node = node();
            FakeBundle bundle = node.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> null);

            // when / then
            assertThat(node.invocations.answered(bundle.connection(), "never-sent", new Failure("f", "never-sent", "X", "x", false, null),
                    true)).isEqualTo(Invocations.Answer.UNEXPECTED);
        }
    }

    @Nested
    class AConflict {

        @Test
        void runsTheCommandAgainOnTheNewStory() {
            // given: another writer stores an event between the story read and the append, once
            ServerNode node = node();
            AtomicInteger calls = new AtomicInteger();
            List<Long> storiesSeen = new CopyOnWriteArrayList<>();
            node.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> {
                if (!(frame instanceof InvokeDomainCommand invoke)) {
                    return null;
                }
                storiesSeen.add(invoke.story().lastSequence());
                if (calls.getAndIncrement() == 0) {
                    store.append(AppendRequest.toAggregate("list-1", 0, List.of(NewEvent.of(UUID.randomUUID().toString(), "ItemAdded", "{}"))));
                }
                return handled(invoke);
            });
            FakeBundle caller = node.caller("api");
            SendCommand command = add("list-1");

            // when
            caller.send(command);

            // then
            CommandResult result = (CommandResult) answer(caller, command.id());
            assertThat(result.event().sequence()).isEqualTo(2);
            assertThat(result.event().payload().json()).isEqualTo("{\"after\":1}");
            assertThat(storiesSeen).containsExactly(0L, 1L);
        }

        @Test
        void thatNeverEndsFailsAfterTheConfiguredReruns() {
            // given: every attempt is overtaken
            ServerNode node = node("member-a", new CommandSettings(2, 256, 100_000, 20_000, 600_000), RoutingSettings.defaults());
            node.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> {
                if (!(frame instanceof InvokeDomainCommand invoke)) {
                    return null;
                }
                store.append(AppendRequest.toAggregate("list-1", invoke.story().lastSequence(),
                        List.of(NewEvent.of(UUID.randomUUID().toString(), "ItemAdded", "{}"))));
                return handled(invoke);
            });
            FakeBundle caller = node.caller("api");
            SendCommand command = add("list-1");

            // when
            caller.send(command);

            // then
            Failure failure = (Failure) answer(caller, command.id());
            assertThat(failure.code()).isEqualTo(ErrorCode.CONCURRENCY_CONFLICT.name());
            assertThat(failure.retryable()).isTrue();
        }
    }

    @Nested
    class ATargetThatDisconnects {

        @Test
        void beforeAnsweringGetsTheCommandDispatchedToAnotherInstance() {
            // given: the first instance takes the invocation and then its connection drops
            ServerNode node = node();
            List<FakeBundle> dropping = new CopyOnWriteArrayList<>();
            FakeBundle first = node.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> {
                if (frame instanceof InvokeDomainCommand) {
                    node.close(dropping.get(0));
                }
                return null;
            });
            dropping.add(first);
            Counter aggregate = new Counter();
            node.bundle("lists", "lists-2", List.of(LISTS), 0, aggregate);
            FakeBundle caller = node.caller("api");
            String aggregateId = aggregateRoutedTo(node, "lists-1");
            SendCommand command = add(aggregateId);

            // when
            caller.send(command);

            // then
            CommandResult result = (CommandResult) answer(caller, command.id());
            assertThat(result.event().sequence()).isEqualTo(1);
            assertThat(aggregate.invocations).hasSize(1);
        }
    }

    @Nested
    class Overload {

        @Test
        void pastTheServersLimitAnswersOverloadedAtOnce() {
            // given: room for one request in flight
            ServerNode node = node("member-a", CommandSettings.defaults(), new RoutingSettings(Duration.ofSeconds(30),
                    Duration.ofMinutes(5), 1, 5, Duration.ofMillis(200), 100, Duration.ofMinutes(10)));
            node.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> null);
            FakeBundle caller = node.caller("api");
            SendCommand first = add("list-1");
            SendCommand second = add("list-2");

            // when
            caller.send(first, second);

            // then
            Failure failure = (Failure) answer(caller, second.id());
            assertThat(failure.code()).isEqualTo(ErrorCode.OVERLOADED.name());
            assertThat(failure.retryable()).isTrue();
            assertThat(caller.answers(first.id())).isEmpty();
        }

        @Test
        void pastTheConnectionsLimitAnswersOverloaded() {
            // given: one invocation in flight per connection, and an aggregate that never answers
            ServerNode node = node("member-a", new CommandSettings(5, 1, 100_000, 20_000, 600_000), RoutingSettings.defaults());
            node.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> null);
            FakeBundle caller = node.caller("api");
            SendCommand first = add("list-1");
            SendCommand second = add("list-2");

            // when: both reach the connection (whichever story read ends first takes the slot)
            caller.send(first, second);

            // then: the other is refused at once, the one in flight is not answered
            await().atMost(WAIT).until(() -> caller.answers(first.id()).size() + caller.answers(second.id()).size() == 1);
            Failure failure = (Failure) (caller.answers(first.id()).isEmpty() ? caller.answers(second.id()) : caller.answers(first.id())).get(0);
            assertThat(failure.code()).isEqualTo(ErrorCode.OVERLOADED.name());
        }
    }

    /** An aggregate id that consistent hashing sends to the given instance among those connected. */
    private String aggregateRoutedTo(ServerNode node, String instanceId) {
        TargetSelector selector = new TargetSelector();
        for (int i = 0; ; i++) {
            String id = "list-" + i;
            RouteTarget target = selector.byKey(routes.candidates("AddItem", MessageKind.DOMAIN_COMMAND), id).orElseThrow();
            if (target.instanceId().equals(instanceId)) {
                return id;
            }
        }
    }

    private static io.evento.server.connection.BundleConnection bundleOf(ServerNode node, String instanceId) {
        return node.connections.all().stream().filter(c -> instanceId.equals(c.instanceId())).findFirst().orElseThrow();
    }
}
