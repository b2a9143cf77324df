package io.evento.protocol.frame;

/**
 * Server → bundle: nobody waits for this invocation any more (its deadline passed); stop if you can,
 * the server ignores a late answer.
 *
 * @param id            frame id
 * @param correlationId the invocation's id
 */
public record Cancel(String id, String correlationId) implements Frame, Frame.Response {
}
