package io.evento.server.routing;

import java.time.Duration;

/**
 * Settings of the origin side of requests (MicroProfile Config keys in brackets).
 *
 * @param defaultTimeout      deadline of requests that give none ({@code evento.bus.timeout.default.millis}, 30000)
 * @param maxTimeout          longest deadline accepted ({@code evento.bus.timeout.max.millis}, 300000)
 * @param maxInFlight         requests in flight on this instance ({@code evento.bus.max.inflight.server}, 10000)
 * @param maxAttempts         dispatches of one request when targets vanish before it ran (5)
 * @param redispatchPause     pause before dispatching again (200 ms)
 * @param rememberedAnswers   final answers kept for retries through this instance (10000)
 * @param rememberFor         how long (10 minutes)
 */
public record RoutingSettings(Duration defaultTimeout, Duration maxTimeout, int maxInFlight, int maxAttempts, Duration redispatchPause,
                              int rememberedAnswers, Duration rememberFor) {

    public static RoutingSettings defaults() {
        return new RoutingSettings(Duration.ofSeconds(30), Duration.ofMinutes(5), 10_000, 5, Duration.ofMillis(200), 10_000,
                Duration.ofMinutes(10));
    }

    /** The deadline of a request asking for {@code timeoutMillis} (0: the default), capped. */
    public long deadline(long nowMillis, long timeoutMillis) {
        long timeout = timeoutMillis <= 0 ? defaultTimeout.toMillis() : Math.min(timeoutMillis, maxTimeout.toMillis());
        return nowMillis + timeout;
    }
}
