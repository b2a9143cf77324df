package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

/**
 * An event a handler produced, to be stored.
 *
 * @param type     payload type name
 * @param payload  the event
 * @param metadata a JSON object, or null
 * @param context  the context, or null for {@code default}
 */
public record NewEventRecord(String type, RawJson payload, RawJson metadata, String context) {

    public NewEventRecord {
        Fields.text(type, "event type");
        Fields.required(payload, "event payload");
        Fields.object(metadata, "event metadata");
        context = context == null || context.isBlank() ? null : EventContexts.requireName(context, "event context");
    }
}
