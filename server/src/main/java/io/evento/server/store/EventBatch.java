package io.evento.server.store;

import java.util.List;

/**
 * A page of the global stream.
 *
 * @param events the matching events, in stream order
 * @param next   where to read from next: after the last event scanned, matching or not (a reader
 *               with a narrow filter still advances)
 */
public record EventBatch(List<StoredEvent> events, StreamPosition next) {

    public EventBatch {
        events = List.copyOf(events);
    }
}
