package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

/**
 * A stored event as sent to bundles.
 *
 * @param position    its place in the global stream ({@code tx.position})
 * @param eventId     its id
 * @param aggregateId its aggregate, or null for a service event
 * @param sequence    its sequence in the aggregate, 0 for a service event
 * @param type        payload type name
 * @param context     context
 * @param payload     the event
 * @param metadata    a JSON object
 * @param timestamp   when it was stored, epoch milliseconds
 */
public record EventRecord(String position, String eventId, String aggregateId, long sequence, String type, String context,
                          RawJson payload, RawJson metadata, long timestamp) {
}
