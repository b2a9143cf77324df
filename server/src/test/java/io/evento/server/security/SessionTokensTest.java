package io.evento.server.security;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Caller ALICE = new Caller("alice.o'brien", Role.ADMIN);

    private static SessionTokens tokens(String key, Instant now) {
        return new SessionTokens(() -> key, Duration.ofMinutes(30), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Nested
    class AValidToken {

        @Test
        void namesTheCallerOnEveryInstanceSharingTheKey() {
            // given a token issued by one instance
            SessionTokens.Issued issued = tokens("k", NOW).issue(ALICE);

            // when another instance with the same key checks it
            var caller = tokens("k", NOW.plusSeconds(60)).verify(issued.token());

            // then
            assertThat(caller).contains(ALICE);
            assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        }
    }

    @Nested
    class AnInvalidToken {

        @Test
        void expiresAfterItsLifetime() {
            SessionTokens.Issued issued = tokens("k", NOW).issue(ALICE);
            assertThat(tokens("k", issued.expiresAt()).verify(issued.token())).isEmpty();
            assertThat(tokens("k", issued.expiresAt().minusSeconds(1)).verify(issued.token())).isPresent();
        }

        @Test
        void isRefusedUnderAnotherKey() {
            String token = tokens("k", NOW).issue(ALICE).token();
            assertThat(tokens("other", NOW).verify(token)).isEmpty();
        }

        @Test
        void cannotBeRaisedToAnotherRole() {
            // given a viewer's token whose role is rewritten to admin
            String token = tokens("k", NOW).issue(new Caller("bob", Role.VIEWER)).token();
            String forged = token.replace(".VIEWER.", ".ADMIN.");

            // then
            assertThat(forged).isNotEqualTo(token);
            assertThat(tokens("k", NOW).verify(forged)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", ".", "v1", "v1.a.b.c", "v2.YQ.ADMIN.9999999999.c2ln", "v1.YQ.ADMIN.notanumber.c2ln",
                "v1.!!.ADMIN.9999999999.c2ln", "x'); DROP TABLE evento_event; --", "v1.YQ.ROOT.9999999999.c2ln"})
        void malformedTextIsRefused(String token) {
            assertThat(tokens("k", NOW).verify(token)).isEmpty();
        }
    }
}
