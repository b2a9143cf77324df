package io.evento.protocol.frame;

/**
 * A request done, nothing to return.
 *
 * @param id            frame id
 * @param correlationId the request's id
 */
public record Ack(String id, String correlationId) implements Frame, Frame.Response {
}
