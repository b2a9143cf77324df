package io.evento.server.security;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an {@code Authorization} header into a caller: {@code Basic} with a configured user,
 * {@code Bearer} with a configured token or a session token. Secrets are compared in constant time.
 */
public final class Authenticator {

    private final AdminSettings settings;
    private final SessionTokens sessions;
    private final LoginThrottle throttle;

    public Authenticator(AdminSettings settings, SessionTokens sessions, LoginThrottle throttle) {
        this.settings = settings;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public SessionTokens sessions() {
        return sessions;
    }

    /** The caller; {@code UNAUTHENTICATED} when the header is missing or wrong. */
    public Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new EventoException(ErrorCode.UNAUTHENTICATED, "log in first: send Authorization: Bearer <token> (POST /api/auth/login) or Basic");
        }
        String header = authorization.trim();
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(header.substring(7).trim());
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(header.substring(6).trim());
        }
        throw new EventoException(ErrorCode.UNAUTHENTICATED, "unsupported authorization scheme (Bearer or Basic)");
    }

    /** The user with this password; {@code TOO_MANY_ATTEMPTS} after repeated failures for the name. */
    public Caller login(String user, String password) {
        throttle.check(user);
        AdminSettings.Account account = user == null ? null : settings.users().get(user);
        byte[] expected = (account == null ? "\u0000no such user" : account.password()).getBytes(StandardCharsets.UTF_8);
        boolean matches = MessageDigest.isEqual(expected, (password == null ? "" : password).getBytes(StandardCharsets.UTF_8));
        if (account == null || !matches) {
            throttle.failed(user);
            throw new EventoException(ErrorCode.UNAUTHENTICATED, "wrong user name or password");
        }
        throttle.succeeded(user);
        return new Caller(user, account.role());
    }

    private Caller bearer(String token) {
        for (Map.Entry<String, Role> configured : settings.tokens().entrySet()) {
            if (MessageDigest.isEqual(configured.getKey().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                return new Caller("token:" + configured.getKey().substring(0, Math.min(4, configured.getKey().length())) + "…",
                        configured.getValue());
            }
        }
        Optional<Caller> session = sessions.verify(token);
        return session.orElseThrow(() -> new EventoException(ErrorCode.UNAUTHENTICATED, "the token is not valid or has expired"));
    }

    private Caller basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new EventoException(ErrorCode.UNAUTHENTICATED, "malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new EventoException(ErrorCode.UNAUTHENTICATED, "malformed Basic credentials");
        }
        return login(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
