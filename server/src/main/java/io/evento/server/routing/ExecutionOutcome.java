package io.evento.server.routing;

import io.evento.protocol.frame.Frame;

/**
 * How an execution ended.
 *
 * @param executionId the attempt
 * @param result      {@code command-result}, {@code query-result} or {@code failure} (correlation id set by the origin)
 * @param redispatch  the target vanished before the request could have had any effect: try another target
 */
public record ExecutionOutcome(String executionId, Frame result, boolean redispatch) {
}
