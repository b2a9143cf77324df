package io.evento.server.security;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(60), clock);

    private void fail(String user, int times) {
        for (int i = 0; i < times; i++) {
            throttle.check(user);
            throttle.failed(user);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Nested
    class BelowTheLimit {

        @Test
        void aNameWithFewerFailuresMayTry() {
            fail("ada", 2);
            assertThatCode(() -> throttle.check("ada")).doesNotThrowAnyException();
        }

        @Test
        void aSuccessStartsAfresh() {
            fail("ada", 2);
            throttle.succeeded("ada");
            fail("ada", 2);
            assertThatCode(() -> throttle.check("ada")).doesNotThrowAnyException();
        }
    }

    @Nested
    class AtTheLimit {

        @Test
        void theNameIsRefusedWithTheWaitUntilTheOldestFailureLeavesTheWindow() {
            // given three failures at t = 0, 1, 2 s (now t = 3 s)
            fail("ada", 3);

            // then refused, saying how long to wait (57 s)
            assertThatThrownBy(() -> throttle.check("ada")).isInstanceOfSatisfying(EventoException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
                assertThat(e.getMessage()).contains("try again in 57 s");
            });
            assertThatCode(() -> throttle.check("bob")).doesNotThrowAnyException();

            // and allowed again once the first failure is a minute old
            clock.advance(Duration.ofSeconds(57));
            assertThatCode(() -> throttle.check("ada")).doesNotThrowAnyException();
        }

        @Test
        void manyDistinctNamesStayBounded() {
            for (int i = 0; i < LoginThrottle.MAX_TRACKED_NAMES + 10; i++) {
                throttle.failed("name-" + i);
            }
            fail("ada", 3);
            assertThatThrownBy(() -> throttle.check("ada")).isInstanceOf(EventoException.class);
        }
    }

    @Nested
    class AcrossTheCluster {

        /** The shared database as two instances see it: every failure of any instance, with its time. */
        private final java.util.List<Instant> cluster = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final SharedLoginFailures shared = (user, window) -> {
            cluster.add(clock.instant());
            return (int) cluster.stream().filter(at -> at.isAfter(clock.instant().minus(window))).count();
        };
        private final LoginThrottle first = new LoginThrottle(3, Duration.ofSeconds(60), clock, shared);
        private final LoginThrottle second = new LoginThrottle(3, Duration.ofSeconds(60), clock, shared);

        @Test
        void theInstanceWhoseFailureReachesTheLimitRefusesTheName() {
            // given failures spread over two instances
            first.failed("ada");
            second.failed("ada");
            assertThatCode(() -> first.check("ada")).doesNotThrowAnyException();
            // when the third failure happens on the first instance
            first.failed("ada");
            // then it refuses the name for the window, the other one after its own next failure
            assertThatThrownBy(() -> first.check("ada")).isInstanceOfSatisfying(EventoException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS));
            assertThatCode(() -> second.check("ada")).doesNotThrowAnyException();
            second.failed("ada");
            assertThatThrownBy(() -> second.check("ada")).isInstanceOf(EventoException.class);
            clock.advance(Duration.ofSeconds(61));
            assertThatCode(() -> first.check("ada")).doesNotThrowAnyException();
        }

        @Test
        void withoutTheDatabaseAnInstanceStillCountsItsOwnFailures() {
            // given
            LoginThrottle alone = new LoginThrottle(3, Duration.ofSeconds(60), clock, (user, window) -> {
                throw new EventoException(ErrorCode.DATABASE_UNAVAILABLE, "down");
            });
            // when
            for (int i = 0; i < 3; i++) {
                alone.failed("ada");
            }
            // then
            assertThatThrownBy(() -> alone.check("ada")).isInstanceOf(EventoException.class);
        }
    }
}
