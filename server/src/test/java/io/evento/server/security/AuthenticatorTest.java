package io.evento.server.security;

import io.evento.payara.password.PasswordHash;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticatorTest {

    /** Payara's own Pbkdf2PasswordHash (Soteria), counting its verifications. */
    private final Pbkdf2PasswordHashImpl platformHash = new Pbkdf2PasswordHashImpl();
    private final AtomicInteger verifications = new AtomicInteger();
    private final SessionTokens sessions = new SessionTokens(() -> "secret", Duration.ofHours(1), Clock.systemUTC());
    private final Authenticator authenticator = new Authenticator(new AdminSettings(
            AdminSettings.parseUsers("root:admin:" + PasswordHash.of("pa:ss:word".toCharArray()) + ", watcher:viewer:"
                    + PasswordHash.of("look".toCharArray()) + ", dev:viewer:plain-pw"),
            AdminSettings.parseTokens("viewer:script-token,publish:ci-token"), Duration.ofHours(1), Optional.empty()),
            sessions, new LoginThrottle(3, Duration.ofMinutes(1), Clock.systemUTC()), (password, hash) -> {
                verifications.incrementAndGet();
                return platformHash.verify(password, hash);
            }, Clock.systemUTC());

    @Nested
    class Passwords {

        @Test
        void aHashMadeByTheToolIsVerifiedByThePlatformsPbkdf2() {
            assertThat(authenticator.login("root", "pa:ss:word")).isEqualTo(new Caller("root", Role.ADMIN));
            assertThat(authenticator.validate(new UsernamePasswordCredential("watcher", new Password("look"))).role()).isEqualTo(Role.VIEWER);
        }

        @Test
        void aClearTextPasswordAllowedForDevelopmentIsComparedAsIs() {
            assertThat(authenticator.login("dev", "plain-pw").role()).isEqualTo(Role.VIEWER);
            assertThatThrownBy(() -> authenticator.login("dev", "plain-p")).isInstanceOf(EventoException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"root:wrong", "root:", "nobody:look", ":pa:ss:word", "' OR 1=1 --:x", "watcher:PBKDF2WithHmacSHA256"})
        void wrongCredentialsAreRefused(String credentials) {
            int colon = credentials.indexOf(':');
            assertThatThrownBy(() -> authenticator.login(credentials.substring(0, colon), credentials.substring(colon + 1)))
                    .isInstanceOfSatisfying(EventoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        }

        @Test
        void anUnknownNameCostsAHashLikeAKnownOne() {
            // when
            assertThatThrownBy(() -> authenticator.login("nobody", "x")).isInstanceOf(EventoException.class);

            // then
            assertThat(verifications).hasValue(1);
        }

        @Test
        void aVerifiedPasswordIsRememberedSoRepeatedBasicRequestsHashOnce() {
            // when
            authenticator.login("root", "pa:ss:word");
            authenticator.login("root", "pa:ss:word");
            authenticator.login("root", "pa:ss:word");

            // then
            assertThat(verifications).hasValue(1);
            // and a wrong password is still checked, and refused
            assertThatThrownBy(() -> authenticator.login("root", "pa:ss:wordx")).isInstanceOf(EventoException.class);
            assertThat(verifications).hasValue(2);
        }
    }

    @Nested
    class Bearer {

        @Test
        void aConfiguredTokenHasItsRoleAndAShortLabel() {
            Caller caller = authenticator.validate(new BearerCredential("script-token"));
            assertThat(caller.role()).isEqualTo(Role.VIEWER);
            assertThat(caller.name()).isEqualTo("token:scri…").doesNotContain("script-token");
            assertThat(authenticator.bearer("ci-token").role()).isEqualTo(Role.PUBLISH);
        }

        @Test
        void aSessionTokenFromLoginIsAccepted() {
            String token = sessions.issue(authenticator.login("root", "pa:ss:word")).token();
            assertThat(authenticator.bearer(token)).isEqualTo(new Caller("root", Role.ADMIN));
        }

        @Test
        void anUnknownTokenIsRefused() {
            assertThatThrownBy(() -> authenticator.bearer("script-token-2"))
                    .isInstanceOfSatisfying(EventoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheNameButNotOthers() {
        // given three wrong passwords for root
        for (int i = 0; i < 3; i++) {
            int attempt = i;
            assertThatThrownBy(() -> authenticator.login("root", "guess-" + attempt)).isInstanceOf(EventoException.class);
        }

        // then root is refused even with its password
        assertThatThrownBy(() -> authenticator.login("root", "pa:ss:word")).isInstanceOfSatisfying(EventoException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS));
        // and another user still logs in
        assertThat(authenticator.login("watcher", "look").role()).isEqualTo(Role.VIEWER);
    }
}
