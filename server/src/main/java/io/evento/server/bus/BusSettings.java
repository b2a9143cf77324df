package io.evento.server.bus;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of the bus connections (MicroProfile Config keys in brackets).
 *
 * @param anyBundleTokens tokens any bundle may use ({@code evento.bus.tokens}: {@code token}
 *                        entries, comma separated)
 * @param bundleTokens    tokens for one bundle ({@code evento.bus.tokens}: {@code bundleId=token} entries)
 * @param heartbeat       heartbeat period; three silent periods close a connection ({@code evento.bus.heartbeat.millis}, 5000)
 * @param maxFrameBytes   largest frame ({@code evento.bus.max.frame.bytes}, 2 MiB)
 */
public record BusSettings(Set<String> anyBundleTokens, Map<String, String> bundleTokens, Duration heartbeat, int maxFrameBytes) {

    /** Whether the token opens the bus for the bundle. */
    public boolean accepts(String bundleId, String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        Optional<String> own = Optional.ofNullable(bundleTokens.get(bundleId));
        return own.map(token::equals).orElse(false) || anyBundleTokens.contains(token);
    }
}
