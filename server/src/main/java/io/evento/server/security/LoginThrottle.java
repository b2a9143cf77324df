package io.evento.server.security;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code maxFailures} failed logins for one user name within
 * {@code window}, that name is refused ({@code TOO_MANY_ATTEMPTS}) until the oldest failure leaves
 * the window, even with the right password. Per server instance; the names it tracks are bounded,
 * so random names cannot exhaust memory.
 */
public final class LoginThrottle {

    static final int MAX_TRACKED_NAMES = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Refuses the name while it has too many recent failures. */
    public void check(String user) {
        Deque<Long> recent = failures.get(key(user));
        if (recent == null) {
            return;
        }
        synchronized (recent) {
            long now = clock.millis();
            forgetOld(recent, now);
            if (recent.size() >= maxFailures) {
                long wait = Math.max(1, (recent.peekFirst() + window.toMillis() - now + 999) / 1000);
                throw new EventoException(ErrorCode.TOO_MANY_ATTEMPTS, maxFailures + " failed logins for this user within "
                        + window.toSeconds() + " s; try again in " + wait + " s");
            }
        }
    }

    /** A failed login for the name. */
    public void failed(String user) {
        if (failures.size() >= MAX_TRACKED_NAMES) {
            long now = clock.millis();
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    forgetOld(recent, now);
                    return recent.isEmpty();
                }
            });
            if (failures.size() >= MAX_TRACKED_NAMES) {
                failures.clear();
            }
        }
        Deque<Long> recent = failures.computeIfAbsent(key(user), k -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.millis());
            while (recent.size() > maxFailures) {
                recent.removeFirst();
            }
        }
    }

    /** A successful login: the name starts afresh. */
    public void succeeded(String user) {
        failures.remove(key(user));
    }

    private void forgetOld(Deque<Long> recent, long now) {
        while (!recent.isEmpty() && recent.peekFirst() <= now - window.toMillis()) {
            recent.removeFirst();
        }
    }

    private static String key(String user) {
        return user == null ? "" : user;
    }
}
