package io.evento.protocol.frame;

/**
 * Server → bundle, answer to {@link Hello}: the connection is registered.
 *
 * @param id               frame id
 * @param correlationId    the hello's id
 * @param serverInstanceId the server instance the bundle is connected to
 * @param sessionId        this connection's id
 * @param heartbeatMillis  how often each side sends a heartbeat; silence for three periods closes the connection
 * @param maxFrameBytes    the largest frame the server accepts
 */
public record Welcome(String id, String correlationId, String serverInstanceId, String sessionId, long heartbeatMillis,
                      int maxFrameBytes) implements Frame, Frame.Response {
}
