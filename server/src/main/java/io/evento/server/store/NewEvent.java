package io.evento.server.store;

/**
 * An event to append. Payload and metadata are JSON text the store keeps as given.
 *
 * @param eventId   unique id chosen by the producer; appending it again is acknowledged, not written twice
 * @param eventType the payload's type name (routing and filtering key)
 * @param context   the event's context ({@code default} unless set)
 * @param payload   JSON text
 * @param metadata  JSON object text ({@code {}} when none)
 */
public record NewEvent(String eventId, String eventType, String context, String payload, String metadata) {

    public static final String DEFAULT_CONTEXT = "default";

    /** An event in the default context without metadata. */
    public static NewEvent of(String eventId, String eventType, String payload) {
        return new NewEvent(eventId, eventType, DEFAULT_CONTEXT, payload, "{}");
    }
}
