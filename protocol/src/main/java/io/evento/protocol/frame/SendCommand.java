package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

/**
 * Bundle → server: execute a command. Answered by {@link CommandResult} or {@link Failure}. A retry
 * carries the same id and is never executed twice.
 *
 * @param id            message id (the idempotency key)
 * @param kind          DOMAIN_COMMAND or SERVICE_COMMAND
 * @param payloadType   the command's type name
 * @param payload       the command
 * @param metadata      a JSON object, or null
 * @param aggregateId   the target aggregate (domain commands)
 * @param lockId        service commands with the same lock id run one at a time on one instance, or null
 * @param timeoutMillis the caller's deadline from now; 0: the server's default
 * @param sender        the sending component (telemetry: who sends what), or null
 */
public record SendCommand(String id, MessageKind kind, String payloadType, RawJson payload, RawJson metadata,
                          String aggregateId, String lockId, long timeoutMillis, String sender) implements Frame {

    public SendCommand {
        Fields.text(id, "id");
        Fields.required(kind, "kind");
        if (!kind.isCommand()) {
            throw new IllegalArgumentException("kind must be DOMAIN_COMMAND or SERVICE_COMMAND");
        }
        Fields.text(payloadType, "payloadType");
        Fields.required(payload, "payload");
        Fields.object(metadata, "metadata");
        if (kind == MessageKind.DOMAIN_COMMAND) {
            Fields.text(aggregateId, "aggregateId");
        }
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeoutMillis must not be negative");
        }
    }
}
