package io.evento.protocol.frame;

/**
 * Both directions, every heartbeat period: the sender is alive. No answer.
 *
 * @param id frame id
 */
public record Heartbeat(String id) implements Frame {
}
