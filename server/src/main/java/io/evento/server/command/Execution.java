package io.evento.server.command;

import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.frame.SendQuery;

import java.util.Objects;

/**
 * One attempt at executing a caller's request on the member holding the target connection.
 *
 * @param executionId   unique per attempt ({@code requestKey#attempt})
 * @param requestKey    the request's idempotency key ({@code callerBundle/messageId})
 * @param originMember  the member the caller is connected to (where the outcome goes)
 * @param targetMember  the member holding the target connection
 * @param connectionKey the target bundle connection
 * @param component     the target component
 * @param request       the caller's {@code send-command} or {@code send-query}
 * @param deadline      epoch milliseconds
 */
public record Execution(String executionId, String requestKey, String originMember, String targetMember, String connectionKey,
                        String component, Frame request, long deadline) {

    public Execution {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(requestKey, "requestKey");
        Objects.requireNonNull(originMember, "originMember");
        Objects.requireNonNull(targetMember, "targetMember");
        Objects.requireNonNull(connectionKey, "connectionKey");
        if (!(request instanceof SendCommand) && !(request instanceof SendQuery)) {
            throw new IllegalArgumentException("an execution runs a send-command or a send-query, not " + request);
        }
    }
}
