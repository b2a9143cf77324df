package io.evento.server.telemetry;

/**
 * Counters of one handler since this server instance started.
 *
 * @param handler          the handler
 * @param invocations      invocations answered
 * @param failures         of which failed (handler errors)
 * @param totalMillis      sum of service times (invocation sent to answer received)
 * @param maxMillis        the longest service time
 * @param meanMillis       average service time
 * @param smoothedMillis   exponentially weighted moving average of service times (alpha 0.1)
 */
public record HandlerStatistics(HandlerKey handler, long invocations, long failures, double totalMillis, double maxMillis,
                                double meanMillis, double smoothedMillis) {
}
