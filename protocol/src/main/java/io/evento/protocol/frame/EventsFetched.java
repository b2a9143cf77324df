package io.evento.protocol.frame;

import java.util.List;

/**
 * Server → bundle: a page of the stream.
 *
 * @param id            frame id
 * @param correlationId the fetch's id
 * @param events        matching events in stream order
 * @param next          the cursor to fetch after next time (advances past non-matching events too)
 * @param head          the stream's readable head now
 */
public record EventsFetched(String id, String correlationId, List<EventRecord> events, String next, String head) implements Frame, Frame.Response {

    public EventsFetched {
        events = Fields.list(events);
    }
}
