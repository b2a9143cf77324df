package io.evento.protocol.frame;

/**
 * Server → bundle, pushed when events were stored on any server instance: consumers behind
 * {@code head} should fetch. A hint only; consumers also poll.
 *
 * @param id   frame id
 * @param head the stream's head as the pushing instance saw it
 */
public record EventsAvailable(String id, String head) implements Frame {
}
