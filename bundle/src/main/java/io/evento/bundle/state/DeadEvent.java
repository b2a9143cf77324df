package io.evento.bundle.state;

import java.time.Instant;

/**
 * An event a consumer gave up on after its retries.
 *
 * @param consumerId the consumer
 * @param eventId    the event
 * @param position   its stream position
 * @param eventType  its type
 * @param eventJson  the whole event record as JSON (to process it again)
 * @param error      the last failure
 * @param attempts   attempts made
 * @param retry      flagged for another attempt
 * @param deadAt     when it was parked
 */
public record DeadEvent(String consumerId, String eventId, String position, String eventType, String eventJson, String error,
                        int attempts, boolean retry, Instant deadAt) {
}
