package io.evento.bundle.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.evento.bundle.api.EventInfo;
import io.evento.bundle.api.Metadata;
import io.evento.bundle.model.PayloadTypes;
import io.evento.protocol.frame.EventRecord;
import io.evento.protocol.json.RawJson;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Protocol records to application values and back. */
final class Records {

    private Records() {
    }

    static EventInfo info(EventRecord event) {
        return new EventInfo(event.eventId(), event.position(), event.aggregateId(), event.sequence(),
                Instant.ofEpochMilli(event.timestamp()), event.context());
    }

    /** Metadata from a JSON object; non-string values keep their JSON text. */
    static Metadata metadata(PayloadTypes payloads, RawJson json) {
        if (json == null) {
            return Metadata.EMPTY;
        }
        try {
            JsonNode node = payloads.json().readTree(json.json());
            Map<String, String> values = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                values.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString());
            }
            return new Metadata(values);
        } catch (Exception e) {
            return Metadata.EMPTY;
        }
    }

    /** The event object, or null when its class is unknown to this bundle. */
    static Object event(PayloadTypes payloads, EventRecord event) {
        Class<?> type = payloads.classOf(event.type());
        return type == null ? null : payloads.fromJson(event.payload().json(), type);
    }
}
