package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

/**
 * Bundle → server: the projection's answer.
 *
 * @param id            frame id
 * @param correlationId the invocation's id
 * @param result        one view or an array of views
 */
public record QueryHandled(String id, String correlationId, RawJson result) implements Frame, Frame.Response {

    public QueryHandled {
        Fields.text(correlationId, "correlationId");
        Fields.required(result, "result");
    }
}
