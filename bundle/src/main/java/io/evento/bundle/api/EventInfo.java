package io.evento.bundle.api;

import java.time.Instant;

/**
 * Where and when a stored event happened; a handler parameter of consumers.
 *
 * @param eventId     the event's id
 * @param position    its place in the global stream ({@code tx.position})
 * @param aggregateId its aggregate, or null for a service event
 * @param sequence    its sequence in the aggregate
 * @param timestamp   when it was stored
 * @param context     its context
 */
public record EventInfo(String eventId, String position, String aggregateId, long sequence, Instant timestamp, String context) {
}
