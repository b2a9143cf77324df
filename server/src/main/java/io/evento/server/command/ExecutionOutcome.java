package io.evento.server.command;

import io.evento.protocol.frame.Frame;

/**
 * How an execution ended.
 *
 * @param executionId the attempt
 * @param result      the final answer to the caller ({@code command-result}, {@code query-result} or
 *                    {@code failure}, its correlation id already the request's id); null when
 *                    {@code redispatch}
 * @param redispatch  the target vanished before the request could have had any effect: try another target
 */
public record ExecutionOutcome(String executionId, Frame result, boolean redispatch) {

    public static ExecutionOutcome answered(String executionId, Frame result) {
        return new ExecutionOutcome(executionId, result, false);
    }

    public static ExecutionOutcome redispatched(String executionId) {
        return new ExecutionOutcome(executionId, null, true);
    }
}
