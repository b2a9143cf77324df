package io.evento.server.security;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads the credential of an {@code Authorization} header: {@code Basic} user and password, or a {@code Bearer} token. */
public final class AuthorizationHeader {

    private AuthorizationHeader() {
    }

    /** The credential; empty without a header; {@code UNAUTHENTICATED} for a malformed one or another scheme. */
    public static Optional<Credential> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7) && !value.substring(7).isBlank()) {
            return Optional.of(new BearerCredential(value.substring(7).trim()));
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.of(basic(value.substring(6).trim()));
        }
        throw new EventoException(ErrorCode.UNAUTHENTICATED, "unsupported authorization scheme (Bearer or Basic)");
    }

    private static Credential basic(String encoded) {
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
        return new UsernamePasswordCredential(decoded.substring(0, colon), new Password(decoded.substring(colon + 1)));
    }
}
