package io.evento.server.bus;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of the bus (MicroProfile Config keys in brackets).
 *
 * @param anyBundleTokens      tokens any bundle may use ({@code evento.bus.tokens}: {@code token}
 *                             entries, comma separated)
 * @param bundleTokens         tokens for one bundle ({@code evento.bus.tokens}: {@code bundleId=token} entries)
 * @param heartbeat            heartbeat period; three silent periods close a connection ({@code evento.bus.heartbeat.millis}, 5000)
 * @param maxFrameBytes        largest frame ({@code evento.bus.max.frame.bytes}, 2 MiB)
 * @param defaultTimeout       deadline of requests that give none ({@code evento.bus.timeout.default.millis}, 30000)
 * @param maxTimeout           longest deadline accepted ({@code evento.bus.timeout.max.millis}, 300000)
 * @param maxInFlightPerBundle invocations in flight to one bundle connection ({@code evento.bus.max.inflight.connection}, 256)
 * @param maxInFlightPerServer requests in flight on this instance ({@code evento.bus.max.inflight.server}, 10000)
 * @param conflictRetries      re-executions of a domain command after a concurrency conflict ({@code evento.bus.conflict.retries}, 5)
 */
public record BusSettings(Set<String> anyBundleTokens, Map<String, String> bundleTokens, Duration heartbeat, int maxFrameBytes,
                          Duration defaultTimeout, Duration maxTimeout, int maxInFlightPerBundle, int maxInFlightPerServer,
                          int conflictRetries) {

    /** Whether the token opens the bus for the bundle. */
    public boolean accepts(String bundleId, String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        Optional<String> own = Optional.ofNullable(bundleTokens.get(bundleId));
        return own.map(token::equals).orElse(false) || anyBundleTokens.contains(token);
    }

    /** The deadline of a request asking for {@code timeoutMillis} (0: the default), capped. */
    public long deadline(long nowMillis, long timeoutMillis) {
        long timeout = timeoutMillis <= 0 ? defaultTimeout.toMillis() : Math.min(timeoutMillis, maxTimeout.toMillis());
        return nowMillis + timeout;
    }
}
