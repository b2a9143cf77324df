package io.evento.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/** Reads {@link ServerSettings} from MicroProfile Config, with the documented defaults. */
@ApplicationScoped
public class ServerSettingsProducer {

    @Produces
    @Singleton
    ServerSettings serverSettings() {
        Config config = ConfigProvider.getConfig();
        String instanceId = config.getOptionalValue("evento.server.instance.id", String.class)
                .filter(s -> !s.isBlank())
                .orElseGet(ServerSettingsProducer::generatedInstanceId);
        return new ServerSettings(
                instanceId,
                config.getOptionalValue("evento.server.url", String.class).filter(s -> !s.isBlank()).map(ServerSettingsProducer::trimSlash),
                config.getOptionalValue("evento.db.jndi", String.class).orElse("jdbc/evento"),
                Duration.ofMillis(config.getOptionalValue("evento.db.retry.millis", Long.class).orElse(2000L)));
    }

    private static String generatedInstanceId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
