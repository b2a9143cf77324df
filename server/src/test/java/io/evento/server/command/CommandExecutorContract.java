package io.evento.server.command;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.frame.Cancel;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.InvokeQuery;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.NewEventRecord;
import io.evento.protocol.frame.QueryHandled;
import io.evento.protocol.frame.QueryResult;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.frame.SendQuery;
import io.evento.protocol.json.RawJson;
import io.evento.server.testing.FakeBundle;
import io.evento.server.testing.FakeClock;
import io.evento.server.testing.FakeHandlers;
import io.evento.server.testing.ServerNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link CommandExecutor} must do. Subclasses give the executor an origin uses and the
 * member holding the target bundle connections (the same member for the local implementation,
 * another member reached through the cluster for the cluster one).
 */
public abstract class CommandExecutorContract {

    protected static final Duration WAIT = Duration.ofSeconds(20);
    private static final ComponentInfo LISTS = FakeHandlers.aggregate("TodoList", "AddItem");
    private static final ComponentInfo VIEWS = FakeHandlers.projection("Lists", "FindList");

    /** Shared by every test of a class: a cluster started once for the class keeps the clock it was given. */
    protected static final FakeClock clock = new FakeClock();

    /** The member holding the target connections. */
    protected ServerNode target;

    /** The executor under test, as the origin member uses it. */
    protected CommandExecutor executor;

    /** The origin member's id. */
    protected String origin;

    protected abstract void start();

    protected abstract void stop();

    @BeforeEach
    void open() throws Exception {
        start();
    }

    @AfterEach
    void close() throws Exception {
        stop();
    }

    private Execution execution(FakeBundle bundle, String component, Frame request) {
        String key = "api/" + request.id();
        return new Execution(key + "#1", key, origin, target.memberId, bundle.connection().connectionKey(), component, request,
                clock.getAsLong() + 10_000);
    }

    private static SendCommand add(String aggregateId) {
        return new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, "AddItem", RawJson.of("{\"text\":\"milk\"}"),
                null, aggregateId, null, 10_000, "Api");
    }

    @Test
    void aDomainCommandEndsWithTheStoredEventAnsweringTheRequest() throws Exception {
        // given
        FakeBundle bundle = target.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> frame instanceof InvokeDomainCommand invoke
                ? new DomainCommandHandled(UUID.randomUUID().toString(), invoke.id(),
                new NewEventRecord("ItemAdded", RawJson.of("{\"text\":\"milk\"}"), null, null), null, false) : null);
        SendCommand command = add("list-" + UUID.randomUUID());

        // when
        ExecutionOutcome outcome = executor.execute(execution(bundle, "TodoList", command)).get(20, TimeUnit.SECONDS);

        // then
        assertThat(outcome.redispatch()).isFalse();
        CommandResult result = (CommandResult) outcome.result();
        assertThat(result.correlationId()).isEqualTo(command.id());
        assertThat(result.event().sequence()).isEqualTo(1);
        assertThat(result.event().payload().json()).isEqualTo("{\"text\":\"milk\"}");
        assertThat(result.duplicate()).isFalse();
    }

    @Test
    void aQueryEndsWithTheViewVerbatim() throws Exception {
        // given
        FakeBundle bundle = target.bundle("views", "views-1", List.of(VIEWS), 0, frame -> frame instanceof InvokeQuery invoke
                ? new QueryHandled(UUID.randomUUID().toString(), invoke.id(), RawJson.of("{\"n\": 1.50}")) : null);
        SendQuery query = new SendQuery(UUID.randomUUID().toString(), "FindList", RawJson.of("{}"), null, 10_000, "Api");

        // when
        ExecutionOutcome outcome = executor.execute(execution(bundle, "Lists", query)).get(20, TimeUnit.SECONDS);

        // then
        QueryResult result = (QueryResult) outcome.result();
        assertThat(result.correlationId()).isEqualTo(query.id());
        assertThat(result.result().json()).isEqualTo("{\"n\": 1.50}");
    }

    @Test
    void aHandlersFailureIsTheAnswer() throws Exception {
        // given
        FakeBundle bundle = target.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> frame instanceof InvokeDomainCommand invoke
                ? new Failure(UUID.randomUUID().toString(), invoke.id(), ErrorCode.AGGREGATE_NOT_FOUND.name(), "no list", false, null) : null);
        SendCommand command = add("list-" + UUID.randomUUID());

        // when
        ExecutionOutcome outcome = executor.execute(execution(bundle, "TodoList", command)).get(20, TimeUnit.SECONDS);

        // then
        Failure failure = (Failure) outcome.result();
        assertThat(failure.correlationId()).isEqualTo(command.id());
        assertThat(failure.code()).isEqualTo(ErrorCode.AGGREGATE_NOT_FOUND.name());
        assertThat(failure.message()).isEqualTo("no list");
    }

    @Test
    void aConnectionThatIsGoneAsksForAnotherTarget() throws Exception {
        // given
        FakeBundle bundle = target.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> null);
        target.close(bundle);

        // when
        ExecutionOutcome outcome = executor.execute(execution(bundle, "TodoList", add("list-1"))).get(20, TimeUnit.SECONDS);

        // then
        assertThat(outcome.redispatch()).isTrue();
        assertThat(outcome.result()).isNull();
    }

    @Test
    void aCancelReachesTheBundle() throws Exception {
        // given: a bundle that does not answer
        FakeBundle bundle = target.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> null);
        Execution execution = execution(bundle, "TodoList", add("list-1"));
        executor.execute(execution);
        await().atMost(WAIT).until(() -> !bundle.channel().frames(InvokeDomainCommand.class).isEmpty());

        // when
        executor.cancel(execution);

        // then
        await().atMost(WAIT).until(() -> !bundle.channel().frames(Cancel.class).isEmpty());
        assertThat(bundle.channel().frames(Cancel.class).get(0).correlationId())
                .isEqualTo(bundle.channel().frames(InvokeDomainCommand.class).get(0).id());
    }

    @Test
    void anExecutionPastItsDeadlineIsIndeterminateWithoutReachingTheBundle() throws Exception {
        // given
        FakeBundle bundle = target.bundle("lists", "lists-1", List.of(LISTS), 0, frame -> null);
        Execution execution = execution(bundle, "TodoList", add("list-1"));
        clock.advance(20_000);

        // when
        ExecutionOutcome outcome = executor.execute(execution).get(20, TimeUnit.SECONDS);

        // then
        assertThat(((Failure) outcome.result()).code()).isEqualTo(ErrorCode.TIMEOUT_INDETERMINATE.name());
        assertThat(bundle.channel().frames(InvokeDomainCommand.class)).isEmpty();
    }
}
