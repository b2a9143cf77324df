package io.evento.bundle.tracing;

import io.evento.bundle.api.Metadata;
import io.evento.protocol.frame.ComponentKind;

/**
 * A message a handler is executing on.
 *
 * @param bundleId    the bundle
 * @param component   the component's name
 * @param kind        the component's kind
 * @param payloadType the message type
 * @param messageId   the message's id: an event's id, a command's or query's {@code messageId} metadata
 *                    (set by the sender's agent), else the invocation's id
 * @param aggregateId the aggregate (domain commands and events), or null
 * @param metadata    the message's metadata
 */
public record HandledMessage(String bundleId, String component, ComponentKind kind, String payloadType, String messageId,
                             String aggregateId, Metadata metadata) {

    public HandledMessage {
        metadata = metadata == null ? Metadata.EMPTY : metadata;
    }
}
