package io.evento.server.security;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks credentials against the configured users and tokens and the session tokens: what the
 * admin API's identity store answers. Passwords are verified by the platform's PBKDF2 hash (a
 * clear-text password only where the development flag allowed it), secrets compared in constant
 * time, and repeated failures for one name throttled. A verified user name and password is
 * remembered for a minute (as a SHA-256 digest), so a script sending Basic credentials with every
 * request pays the deliberately slow hash once, not per request.
 */
public final class Authenticator {

    /** Verifies a password against a stored hash (the platform's {@code Pbkdf2PasswordHash#verify}). */
    @FunctionalInterface
    public interface PasswordVerifier {
        boolean verify(char[] password, String hash);
    }

    static final Duration REMEMBERED = Duration.ofMinutes(1);
    static final int MAX_REMEMBERED = 1_000;
    private static final String NO_SUCH_USER = "PBKDF2WithHmacSHA256:210000:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private final AdminSettings settings;
    private final SessionTokens sessions;
    private final LoginThrottle throttle;
    private final PasswordVerifier verifier;
    private final Clock clock;
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    public Authenticator(AdminSettings settings, SessionTokens sessions, LoginThrottle throttle, PasswordVerifier verifier, Clock clock) {
        this.settings = settings;
        this.sessions = sessions;
        this.throttle = throttle;
        this.verifier = verifier;
        this.clock = clock;
    }

    public SessionTokens sessions() {
        return sessions;
    }

    /** The caller of a user name and password or a bearer token; {@code UNAUTHENTICATED} otherwise. */
    public Caller validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential password) {
            return login(password.getCaller(), password.getPasswordAsString());
        }
        if (credential instanceof BearerCredential bearer) {
            return bearer(bearer.token());
        }
        throw new EventoException(ErrorCode.UNAUTHENTICATED, "unsupported credential");
    }

    /** The user with this password; {@code TOO_MANY_ATTEMPTS} after repeated failures for the name. */
    public Caller login(String user, String password) {
        throttle.check(user);
        AdminSettings.Account account = user == null ? null : settings.users().get(user);
        String given = password == null ? "" : password;
        if (account != null && remembered(user, given)) {
            return new Caller(user, account.role());
        }
        boolean matches = matches(account, given);
        if (account == null || !matches) {
            throttle.failed(user);
            throw new EventoException(ErrorCode.UNAUTHENTICATED, "wrong user name or password");
        }
        throttle.succeeded(user);
        remember(user, given);
        return new Caller(user, account.role());
    }

    /** The caller of a configured token or a valid session token. */
    public Caller bearer(String token) {
        for (Map.Entry<String, Role> configured : settings.tokens().entrySet()) {
            if (MessageDigest.isEqual(configured.getKey().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                return new Caller("token:" + configured.getKey().substring(0, Math.min(4, configured.getKey().length())) + "…",
                        configured.getValue());
            }
        }
        Optional<Caller> session = sessions.verify(token);
        return session.orElseThrow(() -> new EventoException(ErrorCode.UNAUTHENTICATED, "the token is not valid or has expired"));
    }

    private boolean matches(AdminSettings.Account account, String password) {
        if (account == null || account.hashed()) {
            try {
                // an unknown name costs the same hash as a known one
                return verifier.verify(password.toCharArray(), account == null ? NO_SUCH_USER : account.secret()) && account != null;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return MessageDigest.isEqual(account.secret().getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    private boolean remembered(String user, String password) {
        Long until = verified.get(digest(user, password));
        return until != null && until > clock.millis();
    }

    private void remember(String user, String password) {
        long now = clock.millis();
        if (verified.size() >= MAX_REMEMBERED) {
            verified.values().removeIf(until -> until <= now);
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
        }
        verified.put(digest(user, password), now + REMEMBERED.toMillis());
    }

    private static String digest(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return Base64.getEncoder().encodeToString(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
