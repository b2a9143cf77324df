package io.evento.protocol.frame;

/**
 * Bundle → server: the service handled the command.
 *
 * @param id            frame id
 * @param correlationId the invocation's id
 * @param event         the service event to store, or null
 */
public record ServiceCommandHandled(String id, String correlationId, NewEventRecord event) implements Frame, Frame.Response {

    public ServiceCommandHandled {
        Fields.text(correlationId, "correlationId");
    }
}
