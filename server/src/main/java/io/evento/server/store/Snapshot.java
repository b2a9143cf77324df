package io.evento.server.store;

import java.time.Instant;

/**
 * An aggregate's saved state.
 *
 * @param aggregateId the aggregate
 * @param sequence    the last event sequence the state covers
 * @param state       JSON text
 * @param updatedAt   when it was saved
 */
public record Snapshot(String aggregateId, long sequence, String state, Instant updatedAt) {
}
