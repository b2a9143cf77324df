package io.evento.server.security;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * The admin API's Jakarta Security identity store: the configured users (PBKDF2 hashes), the
 * configured tokens and the session tokens, each with the groups of its role ({@link Role#groups()}).
 * It reads the settings when the application starts, so a bad {@code evento.admin.users} (a
 * clear-text password without the development flag, a malformed entry) stops the deployment with
 * its message instead of failing the first login.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    private static final System.Logger LOG = System.getLogger(AdminIdentityStore.class.getName());

    private Authenticator authenticator;

    protected AdminIdentityStore() {
        // for the CDI client proxy
    }

    @Inject
    public AdminIdentityStore(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    void checkSettings(@Observes @Initialized(ApplicationScoped.class) Object started, AdminSettings settings) {
        if (settings.users().values().stream().anyMatch(account -> !account.hashed())) {
            LOG.log(System.Logger.Level.WARNING, "evento.admin.users holds clear-text passwords (evento.admin.plain-passwords=true):"
                    + " for development only");
        }
    }

    /**
     * The caller and its groups, or {@code INVALID}; a throttled name keeps its
     * {@code TOO_MANY_ATTEMPTS} so the mechanism can answer 429.
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        try {
            Caller caller = authenticator.validate(credential);
            return new CredentialValidationResult(caller.name(), caller.role().groups());
        } catch (EventoException e) {
            if (e.code() == ErrorCode.TOO_MANY_ATTEMPTS) {
                throw e;
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
    }
}
