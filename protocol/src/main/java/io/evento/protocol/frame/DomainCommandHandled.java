package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

/**
 * Bundle → server: the aggregate handled the command.
 *
 * @param id              frame id
 * @param correlationId   the invocation's id
 * @param event           exactly one domain event
 * @param snapshot        a new snapshot of the state after the event, or null
 * @param deleteAggregate the aggregate is deleted after this event
 */
public record DomainCommandHandled(String id, String correlationId, NewEventRecord event, RawJson snapshot,
                                   boolean deleteAggregate) implements Frame, Frame.Response {

    public DomainCommandHandled {
        Fields.text(correlationId, "correlationId");
        Fields.required(event, "event");
    }
}
