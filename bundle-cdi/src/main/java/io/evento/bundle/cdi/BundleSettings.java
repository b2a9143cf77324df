package io.evento.bundle.cdi;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The bundle's settings, from MicroProfile Config (system properties, environment variables such
 * as {@code EVENTO_BUNDLE_ID}, {@code META-INF/microprofile-config.properties}).
 *
 * @param enabled           {@code evento.bundle.enabled} (default true): false deploys the application without a bundle
 * @param bundleId          {@code evento.bundle.id} (required)
 * @param bundleVersion     {@code evento.bundle.version} (default 1)
 * @param servers           {@code evento.servers}: server URLs, comma separated (required)
 * @param token             {@code evento.token}
 * @param instanceId        {@code evento.bundle.instance-id} (default: the bundle id and a random suffix)
 * @param stateStoreJndi    {@code evento.bundle.state-store.jndi}: a datasource for the consumer state
 *                          store (default: in memory, unless the application produces a {@code ConsumerStateStore})
 * @param aggregateCache    {@code evento.bundle.aggregate-cache} (default 10000)
 * @param invocationThreads {@code evento.bundle.invocation-threads} (default 8)
 * @param maxInFlight       {@code evento.bundle.max-in-flight} (default 64)
 * @param connectTimeout    {@code evento.bundle.connect-timeout-seconds} (default 60)
 * @param catchUpTimeout    {@code evento.bundle.catch-up-timeout-seconds} (default 60)
 */
public record BundleSettings(boolean enabled, String bundleId, long bundleVersion, List<String> servers, String token,
                             Optional<String> instanceId, Optional<String> stateStoreJndi, int aggregateCache, int invocationThreads,
                             int maxInFlight, Duration connectTimeout, Duration catchUpTimeout) {

    /** Reads the settings; a missing required one names its key. */
    public static BundleSettings from(Config config) {
        boolean enabled = config.getOptionalValue("evento.bundle.enabled", Boolean.class).orElse(true);
        String bundleId = config.getOptionalValue("evento.bundle.id", String.class).orElse(null);
        List<String> servers = config.getOptionalValues("evento.servers", String.class).orElse(List.of());
        if (enabled && (bundleId == null || bundleId.isBlank())) {
            throw new IllegalStateException("Evento: evento.bundle.id is not set (MicroProfile Config, e.g. EVENTO_BUNDLE_ID)");
        }
        if (enabled && servers.isEmpty()) {
            throw new IllegalStateException("Evento: evento.servers is not set (server URLs, comma separated, e.g. EVENTO_SERVERS)");
        }
        return new BundleSettings(enabled, bundleId, config.getOptionalValue("evento.bundle.version", Long.class).orElse(1L),
                servers, config.getOptionalValue("evento.token", String.class).orElse(null),
                config.getOptionalValue("evento.bundle.instance-id", String.class),
                config.getOptionalValue("evento.bundle.state-store.jndi", String.class),
                config.getOptionalValue("evento.bundle.aggregate-cache", Integer.class).orElse(10_000),
                config.getOptionalValue("evento.bundle.invocation-threads", Integer.class).orElse(8),
                config.getOptionalValue("evento.bundle.max-in-flight", Integer.class).orElse(64),
                Duration.ofSeconds(config.getOptionalValue("evento.bundle.connect-timeout-seconds", Long.class).orElse(60L)),
                Duration.ofSeconds(config.getOptionalValue("evento.bundle.catch-up-timeout-seconds", Long.class).orElse(60L)));
    }
}
