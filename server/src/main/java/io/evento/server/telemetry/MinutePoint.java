package io.evento.server.telemetry;

import java.time.Instant;

/**
 * One minute of a handler's series, summed over every server instance.
 *
 * @param minute      the minute's start
 * @param invocations invocations
 * @param failures    of which failed
 * @param meanMillis  mean service time
 * @param maxMillis   the longest
 */
public record MinutePoint(Instant minute, long invocations, long failures, double meanMillis, double maxMillis) {
}
