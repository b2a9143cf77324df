package io.evento.server.command;

import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.InvokeQuery;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.QueryHandled;
import io.evento.protocol.frame.QueryResult;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.frame.SendQuery;
import io.evento.server.connection.BundleConnection;
import io.evento.server.connection.FrameIds;
import io.evento.server.connection.LocalConnections;
import io.evento.server.telemetry.HandlerKey;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Executes requests against the bundle connections of this member. Commands on one aggregate (or
 * one service lock id) run one at a time, in the order they arrived; a repetition of a request
 * this member runs or ran is not executed again ({@link ExecutedRequests}). Nothing here blocks
 * the calling thread: reads of the store run on the blocking executor, the rest is chained futures.
 */
public final class LocalCommandExecutor implements CommandExecutor {

    private final LocalConnections connections;
    private final CommandContext context;
    private final ExecutedRequests executed;
    private final KeyedLanes lanes = new KeyedLanes();

    /**
     * @param connections the bundle connections of this member
     * @param store       the event store (opened on first use)
     * @param invocations invocations waiting for the bundles' answers
     * @param blocking    where blocking store reads run
     * @param stored      told the position of every event stored
     * @param settings    the settings
     * @param clock       epoch milliseconds
     */
    public static LocalCommandExecutor create(LocalConnections connections, java.util.function.Supplier<io.evento.server.store.EventStore> store,
                                              Invocations invocations, java.util.concurrent.Executor blocking,
                                              java.util.function.Consumer<io.evento.server.store.StreamPosition> stored,
                                              CommandSettings settings, java.util.function.LongSupplier clock) {
        return new LocalCommandExecutor(connections, new CommandContext(store, invocations, new CachedStates(settings.maxCachedAggregates()),
                blocking, stored, settings, clock));
    }

    LocalCommandExecutor(LocalConnections connections, CommandContext context) {
        this.connections = connections;
        this.context = context;
        this.executed = new ExecutedRequests(context.settings().rememberedRequests(), context.settings().rememberMillis(),
                context.clock());
    }

    @Override
    public CompletableFuture<ExecutionOutcome> execute(Execution execution) {
        Optional<BundleConnection> target = connections.find(execution.connectionKey()).filter(BundleConnection::isOpen);
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(ExecutionOutcome.redispatched(execution.executionId()));
        }
        if (context.clock().getAsLong() > execution.deadline()) {
            return CompletableFuture.completedFuture(ExecutionOutcome.answered(execution.executionId(),
                    Answers.indeterminate(execution.request().id(), "the deadline passed before the request reached a handler")));
        }
        BundleConnection connection = target.get();
        CompletableFuture<Frame> result;
        try {
            result = run(execution, connection);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        return result.handle((frame, error) -> outcome(execution, frame, error));
    }

    private CompletableFuture<Frame> run(Execution execution, BundleConnection connection) {
        if (execution.request() instanceof SendCommand command && command.kind() == MessageKind.DOMAIN_COMMAND) {
            return executed.run(execution.requestKey(), () -> lanes.run("aggregate:" + command.aggregateId(),
                    () -> new DomainCommandRun(context, execution, command, connection).start()));
        }
        if (execution.request() instanceof SendCommand command) {
            return executed.run(execution.requestKey(), () -> command.lockId() == null
                    ? new ServiceCommandRun(context, execution, command, connection).start()
                    : lanes.run("lock:" + command.lockId(), () -> new ServiceCommandRun(context, execution, command, connection).start()));
        }
        return query(execution, (SendQuery) execution.request(), connection);
    }

    private CompletableFuture<Frame> query(Execution execution, SendQuery query, BundleConnection connection) {
        InvokeQuery invocation = new InvokeQuery(execution.executionId() + ".0", execution.component(), query.payloadType(),
                query.payload(), CommandContext.metadata(query.metadata()), execution.deadline());
        return context.invocations().invoke(connection, invocation,
                        new HandlerKey(connection.bundleId(), execution.component(), query.payloadType()), execution.deadline())
                .thenApply(answer -> answer instanceof QueryHandled handled
                        ? new QueryResult(FrameIds.next(), query.id(), handled.result())
                        : CommandContext.relayed(answer, query.id()));
    }

    private ExecutionOutcome outcome(Execution execution, Frame frame, Throwable error) {
        if (error == null) {
            return ExecutionOutcome.answered(execution.executionId(), frame);
        }
        Throwable cause = Failures.unwrap(error);
        if (cause instanceof Invocations.NoAnswer noAnswer) {
            boolean service = execution.request() instanceof SendCommand command && command.kind() == MessageKind.SERVICE_COMMAND;
            if (!noAnswer.sent || (!service && context.clock().getAsLong() < execution.deadline())) {
                return ExecutionOutcome.redispatched(execution.executionId());
            }
            return ExecutionOutcome.answered(execution.executionId(),
                    Answers.indeterminate(execution.request().id(), "the handler gave no answer: " + noAnswer.getMessage()));
        }
        return ExecutionOutcome.answered(execution.executionId(), Failures.of(execution.request().id(), cause));
    }

    @Override
    public void cancel(Execution execution) {
        cancel(execution.executionId());
    }

    /** Cancels the invocations of an execution (its origin's deadline passed). */
    void cancel(String executionId) {
        context.invocations().cancel(executionId, "cancelled: the caller's deadline passed");
    }

    /** A connection of this member closed: what its bundle cached is gone with it. */
    public void closed(BundleConnection connection) {
        context.cache().closed(connection);
    }

    int running() {
        return executed.running();
    }
}
