package io.evento.server.security;

import io.evento.server.security.jdbc.AdminKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Clock;

/** The authenticator of the admin API, with session tokens signed by the configured or the shared key. */
@ApplicationScoped
public class SecurityProducer {

    @Produces
    @Singleton
    Authenticator authenticator(AdminSettings settings, DataSource dataSource) {
        AdminKeyStore keys = new AdminKeyStore(dataSource);
        SessionTokens sessions = new SessionTokens(() -> settings.secret().orElseGet(keys::key), settings.sessionTtl(), Clock.systemUTC());
        return new Authenticator(settings, sessions);
    }

    @Produces
    @Singleton
    SessionTokens sessionTokens(Authenticator authenticator) {
        return authenticator.sessions();
    }
}
