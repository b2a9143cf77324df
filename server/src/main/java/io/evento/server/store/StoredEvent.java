package io.evento.server.store;

import java.time.Instant;

/**
 * An event as stored.
 *
 * @param position          place in the global stream
 * @param eventId           producer's id
 * @param aggregateId       the aggregate, or null for a service event
 * @param aggregateSequence sequence in the aggregate's stream, 0 for a service event
 * @param eventType         payload type name
 * @param context           context
 * @param payload           JSON text
 * @param metadata          JSON object text
 * @param createdAt         when the appending transaction started
 */
public record StoredEvent(StreamPosition position, String eventId, String aggregateId, long aggregateSequence,
                          String eventType, String context, String payload, String metadata, Instant createdAt) {
}
