package io.evento.server.security;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticatorTest {

    private final SessionTokens sessions = new SessionTokens(() -> "secret", Duration.ofHours(1), Clock.systemUTC());
    private final Authenticator authenticator = new Authenticator(new AdminSettings(
            AdminSettings.parseUsers("root:admin:pa:ss:word, watcher:viewer:look"), AdminSettings.parseTokens("viewer:script-token"),
            Duration.ofHours(1), Optional.empty()), sessions, new LoginThrottle(3, Duration.ofMinutes(1), Clock.systemUTC()));

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class Basic {

        @Test
        void aConfiguredUserWithItsPasswordIsThatCaller() {
            assertThat(authenticator.authenticate(basic("root", "pa:ss:word"))).isEqualTo(new Caller("root", Role.ADMIN));
            assertThat(authenticator.authenticate("basic " + basic("watcher", "look").substring(6)).role()).isEqualTo(Role.VIEWER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"root:wrong", "root:", "nobody:look", ":pa:ss:word", "' OR 1=1 --:x"})
        void wrongCredentialsAreRefused(String credentials) {
            int colon = credentials.indexOf(':');
            assertUnauthenticated(basic(credentials.substring(0, colon), credentials.substring(colon + 1)));
        }

        @Test
        void malformedCredentialsAreRefused() {
            assertUnauthenticated("Basic not-base64!");
            assertUnauthenticated("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Nested
    class Bearer {

        @Test
        void aConfiguredTokenHasItsRoleAndAShortLabel() {
            Caller caller = authenticator.authenticate("Bearer script-token");
            assertThat(caller.role()).isEqualTo(Role.VIEWER);
            assertThat(caller.name()).isEqualTo("token:scri…").doesNotContain("script-token");
        }

        @Test
        void aSessionTokenFromLoginIsAccepted() {
            String token = sessions.issue(authenticator.login("root", "pa:ss:word")).token();
            assertThat(authenticator.authenticate("Bearer " + token)).isEqualTo(new Caller("root", Role.ADMIN));
        }

        @Test
        void anUnknownTokenIsRefused() {
            assertUnauthenticated("Bearer script-token-2");
        }
    }

    @Test
    void repeatedWrongPasswordsLockTheNameButNotOthers() {
        // given three wrong passwords for root
        for (int i = 0; i < 3; i++) {
            assertUnauthenticated(basic("root", "guess-" + i));
        }

        // then root is refused even with its password, through Basic and through login alike
        assertThatThrownBy(() -> authenticator.authenticate(basic("root", "pa:ss:word"))).isInstanceOfSatisfying(EventoException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS));
        assertThatThrownBy(() -> authenticator.login("root", "pa:ss:word")).isInstanceOf(EventoException.class);
        // and another user still logs in
        assertThat(authenticator.login("watcher", "look").role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void noHeaderOrAnotherSchemeIsRefused() {
        assertUnauthenticated(null);
        assertUnauthenticated("  ");
        assertUnauthenticated("Digest abc");
    }

    private void assertUnauthenticated(String header) {
        assertThatThrownBy(() -> authenticator.authenticate(header)).isInstanceOfSatisfying(EventoException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }
}
