package io.evento.protocol.frame;

/**
 * Server → bundle: the command was executed and its event (if any) stored.
 *
 * @param id            frame id
 * @param correlationId the command's id
 * @param event         the stored event, or null (a service command without event)
 * @param duplicate     the command had already been executed: this is the original result
 */
public record CommandResult(String id, String correlationId, EventRecord event, boolean duplicate) implements Frame, Frame.Response {
}
