package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

/**
 * Server → bundle: handle a service command. Answered by {@link ServiceCommandHandled} or {@link Failure}.
 *
 * @param id          invocation id
 * @param component   the service component
 * @param payloadType the command's type
 * @param payload     the command
 * @param metadata    its metadata
 * @param lockId      its lock id, or null
 * @param deadline    epoch milliseconds after which nobody waits
 */
public record InvokeServiceCommand(String id, String component, String payloadType, RawJson payload, RawJson metadata,
                                   String lockId, long deadline) implements Frame {
}
