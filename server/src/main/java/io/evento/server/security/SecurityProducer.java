package io.evento.server.security;

import io.evento.server.database.Transactions;
import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.security.jpa.AdminKeyStore;
import io.evento.server.security.jpa.LoginFailureStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.time.Clock;

/**
 * The authenticator behind the identity store: passwords verified by the platform's
 * {@link Pbkdf2PasswordHash}, session tokens signed by the configured or the shared key.
 */
@ApplicationScoped
public class SecurityProducer {

    /** Failed logins for one user name, within {@link #LOGIN_WINDOW}, before the name is refused for a while. */
    static final int LOGIN_FAILURES = 10;
    static final java.time.Duration LOGIN_WINDOW = java.time.Duration.ofMinutes(1);

    @Produces
    @Singleton
    Authenticator authenticator(AdminSettings settings, Transactions transactions, Pbkdf2PasswordHash hashes, ClusterMessaging messaging) {
        AdminKeyStore keys = new AdminKeyStore(transactions);
        LoginFailureStore failures = new LoginFailureStore(transactions, messaging.localMemberId());
        SessionTokens sessions = new SessionTokens(() -> settings.secret().orElseGet(keys::key), settings.sessionTtl(), Clock.systemUTC());
        return new Authenticator(settings, sessions, new LoginThrottle(LOGIN_FAILURES, LOGIN_WINDOW, Clock.systemUTC(), failures),
                hashes::verify, Clock.systemUTC());
    }

    @Produces
    @Singleton
    SessionTokens sessionTokens(Authenticator authenticator) {
        return authenticator.sessions();
    }
}
