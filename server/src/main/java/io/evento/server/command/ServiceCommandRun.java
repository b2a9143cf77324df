package io.evento.server.command;

import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.InvokeServiceCommand;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.frame.ServiceCommandHandled;
import io.evento.server.connection.BundleConnection;
import io.evento.server.connection.FrameIds;
import io.evento.server.feed.EventRecords;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.AppendResult;
import io.evento.server.store.NewEvent;
import io.evento.server.store.StoredEvent;
import io.evento.server.telemetry.HandlerKey;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One service command on this member: the handler, then its event (if any) appended. */
final class ServiceCommandRun {

    private final CommandContext context;
    private final Execution execution;
    private final SendCommand command;
    private final BundleConnection connection;

    ServiceCommandRun(CommandContext context, Execution execution, SendCommand command, BundleConnection connection) {
        this.context = context;
        this.execution = execution;
        this.command = command;
        this.connection = connection;
    }

    CompletableFuture<Frame> start() {
        InvokeServiceCommand invocation = new InvokeServiceCommand(execution.executionId() + ".0", execution.component(),
                command.payloadType(), command.payload(), CommandContext.metadata(command.metadata()), command.lockId(),
                execution.deadline());
        return context.invocations().invoke(connection, invocation,
                        new HandlerKey(connection.bundleId(), execution.component(), command.payloadType()), execution.deadline())
                .thenCompose(this::answered);
    }

    private CompletableFuture<Frame> answered(Frame answer) {
        if (!(answer instanceof ServiceCommandHandled handled)) {
            return CompletableFuture.completedFuture(CommandContext.relayed(answer, command.id()));
        }
        if (handled.event() == null) {
            return CompletableFuture.completedFuture(new CommandResult(FrameIds.next(), command.id(), null, false));
        }
        NewEvent event = CommandContext.newEvent(EventIds.forRequest(execution.requestKey()), handled.event());
        return context.store().get().appendAsync(List.of(AppendRequest.serviceEvents(List.of(event))))
                .handle((results, error) -> error == null ? stored(event, results.get(0)) : Failures.of(command.id(), error));
    }

    private Frame stored(NewEvent event, AppendResult result) {
        AppendResult.Appended appended = result.events().get(0);
        StoredEvent stored;
        if (result.duplicate()) {
            stored = context.store().get().readEvent(appended.eventId()).orElseThrow();
        } else {
            context.stored().accept(appended.position());
            stored = new StoredEvent(appended.position(), event.eventId(), null, appended.aggregateSequence(), event.eventType(),
                    event.context(), event.payload(), event.metadata(), appended.createdAt());
        }
        return new CommandResult(FrameIds.next(), command.id(), EventRecords.of(stored), result.duplicate());
    }
}
