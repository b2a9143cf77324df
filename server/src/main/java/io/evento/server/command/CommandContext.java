package io.evento.server.command;

import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.NewEventRecord;
import io.evento.protocol.json.RawJson;
import io.evento.server.connection.FrameIds;
import io.evento.server.store.EventStore;
import io.evento.server.store.NewEvent;
import io.evento.server.store.StreamPosition;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the executions of this member share.
 *
 * @param store       the event store (opened once the database is ready)
 * @param invocations invocations waiting for bundles' answers
 * @param cache       what the bundles hold in their aggregate caches
 * @param blocking    where blocking reads run (never a WebSocket or Hazelcast thread); work after an
 *                    append continues where the store completes it ({@link io.evento.server.store.AppendCompletion})
 * @param stored      told the position of every event stored (wake-ups for consumers)
 * @param settings    the settings
 * @param clock       epoch milliseconds
 */
record CommandContext(Supplier<EventStore> store, Invocations invocations, CachedStates cache, Executor blocking,
                      Consumer<StreamPosition> stored, CommandSettings settings, LongSupplier clock) {

    static RawJson metadata(RawJson metadata) {
        return metadata == null ? RawJson.EMPTY_OBJECT : metadata;
    }

    static NewEvent newEvent(String eventId, NewEventRecord event) {
        return new NewEvent(eventId, event.type(),
                event.context() == null || event.context().isBlank() ? NewEvent.DEFAULT_CONTEXT : event.context(),
                event.payload().json(), event.metadata() == null ? "{}" : event.metadata().json());
    }

    /** A bundle's failure (or an unexpected answer) passed on to the caller as the answer to its request. */
    static Frame relayed(Frame answer, String requestId) {
        if (answer instanceof Failure f) {
            return new Failure(FrameIds.next(), requestId, f.code(), f.message(), f.retryable(), f.exceptionType());
        }
        return Answers.failure(requestId, io.evento.protocol.ErrorCode.PROTOCOL_VIOLATION,
                "the handler answered with " + answer.getClass().getSimpleName() + " instead of the expected frame");
    }
}
