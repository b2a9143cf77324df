package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

/**
 * Bundle → server: run a query. Answered by {@link QueryResult} or {@link Failure}.
 *
 * @param id            message id
 * @param payloadType   the query's type name
 * @param payload       the query
 * @param metadata      a JSON object, or null
 * @param timeoutMillis deadline from now; 0: the server's default
 * @param sender        the sending component (telemetry: who sends what), or null
 */
public record SendQuery(String id, String payloadType, RawJson payload, RawJson metadata, long timeoutMillis, String sender) implements Frame {

    public SendQuery {
        Fields.text(id, "id");
        Fields.text(payloadType, "payloadType");
        Fields.required(payload, "payload");
        Fields.object(metadata, "metadata");
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeoutMillis must not be negative");
        }
    }
}
