package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

/**
 * Server → bundle: answer a query. Answered by {@link QueryHandled} or {@link Failure}.
 *
 * @param id          invocation id
 * @param component   the projection component
 * @param payloadType the query's type
 * @param payload     the query
 * @param metadata    its metadata
 * @param deadline    epoch milliseconds after which nobody waits
 */
public record InvokeQuery(String id, String component, String payloadType, RawJson payload, RawJson metadata,
                          long deadline) implements Frame {
}
