package io.evento.server.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Signed session tokens ({@code v1.<name>.<role>.<expiry>.<signature>}, HMAC-SHA256): any server
 * instance verifies a token another one issued, without shared session state.
 */
public final class SessionTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Supplier<String> key;
    private final Duration ttl;
    private final Clock clock;
    private volatile byte[] keyBytes;

    public SessionTokens(Supplier<String> key, Duration ttl, Clock clock) {
        this.key = key;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A session token for the caller. */
    public Issued issue(Caller caller) {
        Instant expires = clock.instant().plus(ttl);
        String body = "v1." + ENCODER.encodeToString(caller.name().getBytes(StandardCharsets.UTF_8)) + "." + caller.role().name()
                + "." + expires.getEpochSecond();
        return new Issued(body + "." + ENCODER.encodeToString(sign(body)), expires);
    }

    /** The caller of a valid, unexpired token. */
    public Optional<Caller> verify(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 5 || !"v1".equals(parts[0])) {
            return Optional.empty();
        }
        try {
            String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
            if (!MessageDigest.isEqual(sign(body), DECODER.decode(parts[4]))) {
                return Optional.empty();
            }
            if (Long.parseLong(parts[3]) <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new Caller(new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8), Role.parse(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keyBytes(), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private byte[] keyBytes() {
        byte[] bytes = keyBytes;
        if (bytes == null) {
            bytes = key.get().getBytes(StandardCharsets.UTF_8);
            keyBytes = bytes;
        }
        return bytes;
    }

    /**
     * @param token     the token
     * @param expiresAt when it stops working
     */
    public record Issued(String token, Instant expiresAt) {
    }
}
