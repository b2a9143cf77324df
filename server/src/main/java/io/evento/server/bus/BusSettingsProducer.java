package io.evento.server.bus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Reads {@link BusSettings} from MicroProfile Config. */
@ApplicationScoped
public class BusSettingsProducer {

    private static final System.Logger LOG = System.getLogger(BusSettingsProducer.class.getName());

    @Produces
    @Singleton
    BusSettings busSettings() {
        Config config = ConfigProvider.getConfig();
        Set<String> any = new HashSet<>();
        Map<String, String> perBundle = new HashMap<>();
        for (String entry : config.getOptionalValue("evento.bus.tokens", String.class).orElse("").split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq > 0) {
                perBundle.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
            } else {
                any.add(trimmed);
            }
        }
        if (any.isEmpty() && perBundle.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "evento.bus.tokens is empty: every bundle connection will be refused");
        }
        return new BusSettings(Set.copyOf(any), Map.copyOf(perBundle),
                Duration.ofMillis(longValue(config, "evento.bus.heartbeat.millis", 5000)),
                (int) longValue(config, "evento.bus.max.frame.bytes", 2 << 20));
    }

    private static long longValue(Config config, String key, long fallback) {
        return config.getOptionalValue(key, Long.class).orElse(fallback);
    }
}
