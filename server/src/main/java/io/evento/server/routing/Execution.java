package io.evento.server.routing;

import io.evento.protocol.frame.Frame;

/**
 * One attempt at executing a request on the instance holding the target connection.
 *
 * @param executionId   unique per attempt ({@code requestKey#attempt})
 * @param requestKey    the request's idempotency key ({@code callerBundle/messageId})
 * @param originMember  the member the caller is connected to (where the outcome goes)
 * @param connectionKey the target bundle connection
 * @param component     the target component
 * @param request       the caller's {@code send-command} or {@code send-query}
 * @param deadline      epoch milliseconds
 */
public record Execution(String executionId, String requestKey, String originMember, String connectionKey, String component,
                        Frame request, long deadline) {
}
