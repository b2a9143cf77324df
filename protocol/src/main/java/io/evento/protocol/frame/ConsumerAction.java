package io.evento.protocol.frame;

/**
 * Server → bundle: an administrator's action on a consumer this bundle hosts. Answered by
 * {@link Ack} or {@link Failure}.
 *
 * @param id         frame id
 * @param consumerId the consumer
 * @param action     {@code retry-dead-event}, {@code discard-dead-event}, {@code reset-position}
 * @param eventId    the dead event concerned, or null
 * @param position   the new position for {@code reset-position}, or null
 */
public record ConsumerAction(String id, String consumerId, String action, String eventId, String position) implements Frame {
}
