package io.evento.server.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;

/** Reads {@link AdminSettings} from MicroProfile Config, with the documented development defaults. */
@ApplicationScoped
public class AdminSettingsProducer {

    /**
     * Development defaults, as hashes: {@code admin} / {@code evento-admin} and {@code viewer} /
     * {@code evento-viewer}. Set your own in any shared environment.
     */
    static final String DEFAULT_USERS = "admin:admin:PBKDF2WithHmacSHA256:210000:7Bkl8A/+ysXRqj4IBpPXkjWEEld6h2NcHW0/oKSbU0s=:"
            + "XgSzxjnbN1f4bLT1L/WvQFzBf+bglOxUsfoGInMA2OI=,"
            + "viewer:viewer:PBKDF2WithHmacSHA256:210000:/PZx7bJn21SJ84amhOvxARqVc/7aWFZ55/Ypf37V2Q8=:"
            + "MCysyZ722vapImmerECcdHNysmAouIB3/2cZ+8cmHWE=";

    @Produces
    @Singleton
    AdminSettings adminSettings() {
        Config config = ConfigProvider.getConfig();
        long minutes = config.getOptionalValue("evento.admin.session.minutes", Long.class).orElse(480L);
        if (minutes < 1) {
            throw new IllegalArgumentException("evento.admin.session.minutes must be positive");
        }
        return new AdminSettings(
                AdminSettings.parseUsers(config.getOptionalValue("evento.admin.users", String.class).orElse(DEFAULT_USERS)),
                AdminSettings.parseTokens(config.getOptionalValue("evento.admin.tokens", String.class).orElse("")),
                Duration.ofMinutes(minutes),
                config.getOptionalValue("evento.admin.secret", String.class).filter(s -> !s.isBlank()))
                .requireHashes(config.getOptionalValue("evento.admin.plain-passwords", Boolean.class).orElse(false));
    }
}
