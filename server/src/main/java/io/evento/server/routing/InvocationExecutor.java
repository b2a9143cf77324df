package io.evento.server.routing;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.InvokeQuery;
import io.evento.protocol.frame.InvokeServiceCommand;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.NewEventRecord;
import io.evento.protocol.frame.QueryHandled;
import io.evento.protocol.frame.QueryResult;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.frame.SendQuery;
import io.evento.protocol.frame.ServiceCommandHandled;
import io.evento.protocol.frame.StoryRecord;
import io.evento.protocol.json.RawJson;
import io.evento.server.connection.BundleConnection;
import io.evento.server.connection.LocalConnections;
import io.evento.server.feed.EventNotifier;
import io.evento.server.feed.EventRecords;
import io.evento.server.store.AggregateStory;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.AppendResult;
import io.evento.server.store.EventStore;
import io.evento.server.store.NewEvent;
import io.evento.server.store.StoredEvent;
import io.evento.server.telemetry.HandlerKey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Executes a request against a bundle connection of this instance. A domain command: read the
 * aggregate's story, invoke the aggregate, store its event (and snapshot) with the optimistic
 * check, and on a conflict do it all again on the new story (the store, not this instance, fences
 * concurrent commands). A service command: invoke, store its event if any. A query: invoke.
 * Nothing waits on a thread: the steps are chained futures.
 */
final class InvocationExecutor {

    private final LocalConnections connections;
    private final Supplier<EventStore> store;
    private final Invocations invocations;
    private final EventNotifier notifier;
    private final Executor executor;
    private final int conflictRetries;
    private final KeyedLanes lanes = new KeyedLanes();

    InvocationExecutor(LocalConnections connections, Supplier<EventStore> store, Invocations invocations, EventNotifier notifier,
                       Executor executor, int conflictRetries) {
        this.connections = connections;
        this.store = store;
        this.invocations = invocations;
        this.notifier = notifier;
        this.executor = executor;
        this.conflictRetries = conflictRetries;
    }

    CompletableFuture<ExecutionOutcome> execute(Execution execution) {
        Optional<BundleConnection> target = connections.find(execution.connectionKey()).filter(BundleConnection::isOpen);
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(new ExecutionOutcome(execution.executionId(), null, true));
        }
        BundleConnection connection = target.get();
        if (System.currentTimeMillis() > execution.deadline()) {
            return CompletableFuture.completedFuture(new ExecutionOutcome(execution.executionId(),
                    indeterminate("the deadline passed before the request reached a handler"), false));
        }
        CompletableFuture<Frame> result;
        if (execution.request() instanceof SendCommand command && command.kind() == MessageKind.DOMAIN_COMMAND) {
            result = lanes.run("aggregate:" + command.aggregateId(), () -> domainCommand(execution, command, connection, 0));
        } else if (execution.request() instanceof SendCommand command) {
            result = command.lockId() == null ? serviceCommand(execution, command, connection)
                    : lanes.run("lock:" + command.lockId(), () -> serviceCommand(execution, command, connection));
        } else {
            result = query(execution, (SendQuery) execution.request(), connection);
        }
        return result.handle((frame, error) -> outcome(execution, frame, error));
    }

    private CompletableFuture<Frame> domainCommand(Execution execution, SendCommand command, BundleConnection connection, int attempt) {
        return CompletableFuture.supplyAsync(() -> store.get().readAggregate(command.aggregateId()), executor)
                .thenCompose(story -> invocations.invoke(connection,
                        new InvokeDomainCommand(execution.executionId() + "." + attempt, execution.component(), command.payloadType(),
                                command.payload(), metadata(command.metadata()), command.aggregateId(), story(story), execution.deadline()),
                        handler(connection, execution, command.payloadType()), execution.deadline())
                        .thenCompose(answer -> {
                            if (!(answer instanceof DomainCommandHandled handled)) {
                                return CompletableFuture.completedFuture(answer);
                            }
                            if (System.currentTimeMillis() > execution.deadline()) {
                                return CompletableFuture.completedFuture(indeterminate("the deadline passed before the event was stored"));
                            }
                            AppendRequest request = AppendRequest.toAggregate(command.aggregateId(), story.lastSequence(),
                                    List.of(newEvent(execution, handled.event())));
                            if (handled.deleteAggregate()) {
                                request = request.deletingAggregate();
                            } else if (handled.snapshot() != null) {
                                request = request.withSnapshot(new AppendRequest.SnapshotState(handled.snapshot().json()));
                            }
                            AppendRequest append = request;
                            return store.get().appendAsync(List.of(append))
                                    .thenApplyAsync(results -> commandResult(execution, command.aggregateId(), append.events().get(0),
                                            results.get(0)), executor)
                                    .exceptionallyCompose(error -> {
                                        EventoException failure = evento(error);
                                        if (failure != null && failure.code() == ErrorCode.CONCURRENCY_CONFLICT && attempt < conflictRetries) {
                                            return domainCommand(execution, command, connection, attempt + 1);
                                        }
                                        return CompletableFuture.failedFuture(error);
                                    });
                        }));
    }

    private CompletableFuture<Frame> serviceCommand(Execution execution, SendCommand command, BundleConnection connection) {
        return invocations.invoke(connection, new InvokeServiceCommand(execution.executionId(), execution.component(),
                        command.payloadType(), command.payload(), metadata(command.metadata()), command.lockId(), execution.deadline()),
                handler(connection, execution, command.payloadType()), execution.deadline()).thenCompose(answer -> {
            if (!(answer instanceof ServiceCommandHandled handled)) {
                return CompletableFuture.completedFuture(answer);
            }
            if (handled.event() == null) {
                return CompletableFuture.completedFuture(new CommandResult(UUID.randomUUID().toString(), null, null, false));
            }
            NewEvent event = newEvent(execution, handled.event());
            return store.get().appendAsync(List.of(AppendRequest.serviceEvents(List.of(event))))
                    .thenApplyAsync(results -> commandResult(execution, null, event, results.get(0)), executor);
        });
    }

    private CompletableFuture<Frame> query(Execution execution, SendQuery query, BundleConnection connection) {
        return invocations.invoke(connection, new InvokeQuery(execution.executionId(), execution.component(), query.payloadType(),
                        query.payload(), metadata(query.metadata()), execution.deadline()),
                handler(connection, execution, query.payloadType()), execution.deadline()).thenApply(answer ->
                answer instanceof QueryHandled handled ? new QueryResult(UUID.randomUUID().toString(), null, handled.result()) : answer);
    }

    /** The answer: the event as stored (read back only for a repetition, whose original may differ). */
    private Frame commandResult(Execution execution, String aggregateId, NewEvent event, AppendResult result) {
        AppendResult.Appended appended = result.events().get(0);
        if (!result.duplicate()) {
            notifier.stored(appended.position());
            return new CommandResult(UUID.randomUUID().toString(), null, EventRecords.of(new StoredEvent(appended.position(),
                    event.eventId(), aggregateId, appended.aggregateSequence(), event.eventType(), event.context(), event.payload(),
                    event.metadata(), appended.createdAt())), false);
        }
        StoredEvent stored = store.get().readEvent(appended.eventId())
                .orElseThrow(() -> new EventoException(ErrorCode.INTERNAL, "stored event " + appended.eventId() + " not found"));
        return new CommandResult(UUID.randomUUID().toString(), null, EventRecords.of(stored), true);
    }

    private static NewEvent newEvent(Execution execution, NewEventRecord event) {
        return new NewEvent(EventIds.forRequest(execution.requestKey()), event.type(),
                event.context() == null || event.context().isBlank() ? NewEvent.DEFAULT_CONTEXT : event.context(),
                event.payload().json(), event.metadata() == null ? "{}" : event.metadata().json());
    }

    private ExecutionOutcome outcome(Execution execution, Frame frame, Throwable error) {
        if (error == null) {
            return new ExecutionOutcome(execution.executionId(), frame, false);
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof Invocations.NoAnswer noAnswer) {
            boolean service = execution.request() instanceof SendCommand command && command.kind() == MessageKind.SERVICE_COMMAND;
            if (!noAnswer.sent || (!service && System.currentTimeMillis() < execution.deadline())) {
                return new ExecutionOutcome(execution.executionId(), null, true);
            }
            return new ExecutionOutcome(execution.executionId(), indeterminate("the handler gave no answer: " + noAnswer.getMessage()), false);
        }
        EventoException evento = evento(cause);
        Failure failure = evento != null
                ? new Failure(UUID.randomUUID().toString(), null, evento.code().name(), evento.getMessage(), evento.code().retryable(), null)
                : new Failure(UUID.randomUUID().toString(), null, ErrorCode.INTERNAL.name(), "unexpected " + cause, false, null);
        return new ExecutionOutcome(execution.executionId(), failure, false);
    }

    private static Failure indeterminate(String message) {
        return new Failure(UUID.randomUUID().toString(), null, ErrorCode.TIMEOUT_INDETERMINATE.name(), message, true, null);
    }

    private static EventoException evento(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof EventoException e) {
                return e;
            }
        }
        return null;
    }

    private static HandlerKey handler(BundleConnection connection, Execution execution, String payloadType) {
        return new HandlerKey(connection.bundleId(), execution.component(), payloadType);
    }

    private static RawJson metadata(RawJson metadata) {
        return metadata == null ? RawJson.EMPTY_OBJECT : metadata;
    }

    private static StoryRecord story(AggregateStory story) {
        return new StoryRecord(story.snapshot().map(s -> s.sequence()).orElse(0L),
                story.snapshot().map(s -> RawJson.of(s.state())).orElse(null),
                story.events().stream().map(EventRecords::of).toList(), story.lastSequence(), story.deleted());
    }
}
