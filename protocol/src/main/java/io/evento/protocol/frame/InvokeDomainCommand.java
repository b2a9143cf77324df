package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

/**
 * Server → bundle: handle a domain command on this aggregate story. Answered by
 * {@link DomainCommandHandled} or {@link Failure}.
 *
 * @param id          invocation id
 * @param component   the aggregate component
 * @param payloadType the command's type
 * @param payload     the command
 * @param metadata    its metadata
 * @param aggregateId the aggregate
 * @param story       snapshot and events to rebuild the state from
 * @param deadline    epoch milliseconds after which nobody waits for the answer
 */
public record InvokeDomainCommand(String id, String component, String payloadType, RawJson payload, RawJson metadata,
                                  String aggregateId, StoryRecord story, long deadline) implements Frame {
}
