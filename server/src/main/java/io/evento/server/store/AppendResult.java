package io.evento.server.store;

import java.util.List;

/**
 * What an append stored.
 *
 * @param events    each event's position and aggregate sequence, in request order
 * @param duplicate true when every event id was already stored: nothing was written, the stored
 *                  positions are returned
 */
public record AppendResult(List<Appended> events, boolean duplicate) {

    public AppendResult {
        events = List.copyOf(events);
    }

    /**
     * @param eventId           the event id
     * @param position          its place in the global stream
     * @param aggregateSequence its sequence in the aggregate's stream (0 for service events)
     * @param createdAt         when it was stored
     */
    public record Appended(String eventId, StreamPosition position, long aggregateSequence, java.time.Instant createdAt) {
    }
}
