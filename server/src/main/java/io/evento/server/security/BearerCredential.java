package io.evento.server.security;

import jakarta.security.enterprise.credential.Credential;

/**
 * A bearer token from an {@code Authorization: Bearer} header: a configured token or a session token.
 *
 * @param token the token as sent
 */
public record BearerCredential(String token) implements Credential {
}
