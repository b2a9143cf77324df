package io.evento.server.command;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.frame.StoryRecord;
import io.evento.protocol.json.RawJson;
import io.evento.server.connection.BundleConnection;
import io.evento.server.connection.FrameIds;
import io.evento.server.feed.EventRecords;
import io.evento.server.store.AggregateStory;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.AppendResult;
import io.evento.server.store.NewEvent;
import io.evento.server.store.StoredEvent;
import io.evento.server.telemetry.HandlerKey;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * One domain command on this member: the story (nothing when the bundle holds the aggregate's
 * state, else read with a check for the command's own event), the aggregate's handler, the
 * append with the optimistic check, and the re-runs: on a cache miss with the whole story, on a
 * conflict with the new one (up to the configured number of times).
 */
final class DomainCommandRun {

    private final CommandContext context;
    private final Execution execution;
    private final SendCommand command;
    private final BundleConnection connection;
    private final String eventId;
    private int invocations;
    private int conflicts;

    DomainCommandRun(CommandContext context, Execution execution, SendCommand command, BundleConnection connection) {
        this.context = context;
        this.execution = execution;
        this.command = command;
        this.connection = connection;
        this.eventId = EventIds.forRequest(execution.requestKey());
    }

    CompletableFuture<Frame> start() {
        OptionalLong base = context.cache().base(connection, command.aggregateId());
        if (base.isPresent()) {
            return invoke(StoryRecord.after(base.getAsLong(), List.of(), base.getAsLong()), base.getAsLong());
        }
        return CompletableFuture.supplyAsync(() -> context.store().get().readStory(command.aggregateId(), eventId), context.blocking())
                .thenCompose(read -> {
                    if (read.earlier().isPresent()) {
                        return CompletableFuture.completedFuture(result(read.earlier().get(), true));
                    }
                    return invoke(story(read.story()), read.story().lastSequence());
                });
    }

    private CompletableFuture<Frame> invoke(StoryRecord story, long expected) {
        InvokeDomainCommand invocation = new InvokeDomainCommand(execution.executionId() + "." + invocations++, execution.component(),
                command.payloadType(), command.payload(), CommandContext.metadata(command.metadata()), command.aggregateId(), story,
                execution.deadline());
        return context.invocations().invoke(connection, invocation,
                        new HandlerKey(connection.bundleId(), execution.component(), command.payloadType()), execution.deadline())
                .thenCompose(answer -> answered(answer, story, expected));
    }

    private CompletableFuture<Frame> answered(Frame answer, StoryRecord story, long expected) {
        if (answer instanceof Failure failure && ErrorCode.CACHE_MISS.name().equals(failure.code()) && story.incremental()) {
            context.cache().forget(connection, command.aggregateId());
            return start();
        }
        if (!(answer instanceof DomainCommandHandled handled)) {
            return CompletableFuture.completedFuture(CommandContext.relayed(answer, command.id()));
        }
        if (context.clock().getAsLong() > execution.deadline()) {
            context.cache().forget(connection, command.aggregateId());
            return CompletableFuture.completedFuture(Answers.indeterminate(command.id(), "the deadline passed before the event was stored"));
        }
        NewEvent event = CommandContext.newEvent(eventId, handled.event());
        AppendRequest request = AppendRequest.toAggregate(command.aggregateId(), expected, List.of(event));
        if (handled.deleteAggregate()) {
            request = request.deletingAggregate();
        } else if (handled.snapshot() != null) {
            request = request.withSnapshot(new AppendRequest.SnapshotState(handled.snapshot().json()));
        }
        AppendRequest append = request;
        return context.store().get().appendAsync(List.of(append))
                .handle((results, error) -> error == null ? stored(append, event, results.get(0)) : failed(error))
                .thenCompose(next -> next);
    }

    private CompletableFuture<Frame> stored(AppendRequest append, NewEvent event, AppendResult result) {
        AppendResult.Appended appended = result.events().get(0);
        if (result.duplicate()) {
            context.cache().forget(connection, command.aggregateId());
            StoredEvent stored = context.store().get().readEvent(appended.eventId())
                    .orElseThrow(() -> new EventoException(ErrorCode.INTERNAL, "stored event " + appended.eventId() + " not found"));
            return CompletableFuture.completedFuture(result(stored, true));
        }
        if (append.deleteAggregate()) {
            context.cache().forget(connection, command.aggregateId());
        } else {
            context.cache().stored(connection, command.aggregateId(), append.lastSequence());
        }
        context.stored().accept(appended.position());
        return CompletableFuture.completedFuture(result(new StoredEvent(appended.position(), event.eventId(), command.aggregateId(),
                appended.aggregateSequence(), event.eventType(), event.context(), event.payload(), event.metadata(),
                appended.createdAt()), false));
    }

    private CompletableFuture<Frame> failed(Throwable error) {
        context.cache().forget(connection, command.aggregateId());
        EventoException failure = Failures.evento(Failures.unwrap(error));
        if (failure != null && failure.code() == ErrorCode.CONCURRENCY_CONFLICT && conflicts < context.settings().conflictRetries()) {
            conflicts++;
            return start();
        }
        return CompletableFuture.completedFuture(Failures.of(command.id(), error));
    }

    private Frame result(StoredEvent event, boolean duplicate) {
        return new CommandResult(FrameIds.next(), command.id(), EventRecords.of(event), duplicate);
    }

    private static StoryRecord story(AggregateStory story) {
        return new StoryRecord(story.snapshot().map(s -> s.sequence()).orElse(0L),
                story.snapshot().map(s -> RawJson.of(s.state())).orElse(null),
                story.events().stream().map(EventRecords::of).toList(), story.lastSequence(), story.deleted());
    }
}
