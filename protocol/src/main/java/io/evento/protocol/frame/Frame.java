package io.evento.protocol.frame;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One WebSocket text frame of the Evento protocol: a JSON object whose {@code type} names the
 * record and whose {@code id} is unique per sender. Specified in docs/protocol.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = Heartbeat.class, name = "heartbeat"),
        @JsonSubTypes.Type(value = Enable.class, name = "enable"),
        @JsonSubTypes.Type(value = Disable.class, name = "disable"),
        @JsonSubTypes.Type(value = Ack.class, name = "ack"),
        @JsonSubTypes.Type(value = Failure.class, name = "failure"),
        @JsonSubTypes.Type(value = SendCommand.class, name = "send-command"),
        @JsonSubTypes.Type(value = CommandResult.class, name = "command-result"),
        @JsonSubTypes.Type(value = SendQuery.class, name = "send-query"),
        @JsonSubTypes.Type(value = QueryResult.class, name = "query-result"),
        @JsonSubTypes.Type(value = FetchEvents.class, name = "fetch-events"),
        @JsonSubTypes.Type(value = EventsFetched.class, name = "events-fetched"),
        @JsonSubTypes.Type(value = EventsAvailable.class, name = "events-available"),
        @JsonSubTypes.Type(value = InvokeDomainCommand.class, name = "invoke-domain-command"),
        @JsonSubTypes.Type(value = DomainCommandHandled.class, name = "domain-command-handled"),
        @JsonSubTypes.Type(value = InvokeServiceCommand.class, name = "invoke-service-command"),
        @JsonSubTypes.Type(value = ServiceCommandHandled.class, name = "service-command-handled"),
        @JsonSubTypes.Type(value = InvokeQuery.class, name = "invoke-query"),
        @JsonSubTypes.Type(value = QueryHandled.class, name = "query-handled"),
        @JsonSubTypes.Type(value = Cancel.class, name = "cancel"),
        @JsonSubTypes.Type(value = ConsumerAction.class, name = "consumer-action"),
        @JsonSubTypes.Type(value = ConsumerReport.class, name = "consumer-report")
})
public sealed interface Frame permits Hello, Welcome, Heartbeat, Enable, Disable, Ack, Failure, SendCommand, CommandResult,
        SendQuery, QueryResult, FetchEvents, EventsFetched, EventsAvailable, InvokeDomainCommand, DomainCommandHandled,
        InvokeServiceCommand, ServiceCommandHandled, InvokeQuery, QueryHandled, Cancel, ConsumerAction, ConsumerReport {

    /** The frame's id, unique per sender. */
    String id();

    /** A response frame: the id of the request it answers. */
    interface Response {
        String correlationId();
    }
}
