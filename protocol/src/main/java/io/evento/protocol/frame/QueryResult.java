package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

/**
 * Server → bundle: the query's answer.
 *
 * @param id            frame id
 * @param correlationId the query's id
 * @param result        one view, or an array of views
 */
public record QueryResult(String id, String correlationId, RawJson result) implements Frame, Frame.Response {
}
