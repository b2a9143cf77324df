package io.evento.server.telemetry;

/**
 * A handler's invocations in one minute on one server instance.
 *
 * @param minute      the minute (epoch minutes)
 * @param handler     the handler
 * @param invocations invocations answered
 * @param failures    of which failed
 * @param totalMillis summed service time
 * @param maxMillis   the longest
 */
public record MinuteCounts(long minute, HandlerKey handler, long invocations, long failures, double totalMillis, double maxMillis) {
}
