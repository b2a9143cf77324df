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
 * the window, even with the right password. Cluster-wide: every failure is also recorded in the
 * shared database, and an instance whose failure brings the cluster's count to the limit refuses the
 * name for a whole window; guesses spread over n instances thus get at most n - 1 more tries than
 * through one. Only failures touch the database (a check and a success do not); when it cannot be
 * reached the instance counts its own failures only. The names it tracks are bounded, so random
 * names cannot exhaust memory.
 */
public final class LoginThrottle {

    static final int MAX_TRACKED_NAMES = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> blockedUntil = new ConcurrentHashMap<>();
    private final SharedLoginFailures shared;

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this(maxFailures, window, clock, SharedLoginFailures.NONE);
    }

    public LoginThrottle(int maxFailures, Duration window, Clock clock, SharedLoginFailures shared) {
        this.shared = shared;
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Refuses the name while it has too many recent failures. */
    public void check(String user) {
        Long until = blockedUntil.get(key(user));
        if (until != null) {
            long left = until - clock.millis();
            if (left > 0) {
                throw new EventoException(ErrorCode.TOO_MANY_ATTEMPTS, maxFailures + " failed logins for this user within "
                        + window.toSeconds() + " s across the cluster; try again in " + Math.max(1, (left + 999) / 1000) + " s");
            }
            blockedUntil.remove(key(user), until);
        }
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
        countLocally(user);
        int cluster;
        try {
            cluster = shared.recordAndCount(key(user), window);
        } catch (RuntimeException e) {
            return;
        }
        if (cluster >= maxFailures) {
            if (blockedUntil.size() >= MAX_TRACKED_NAMES) {
                long now = clock.millis();
                blockedUntil.values().removeIf(until -> until <= now);
            }
            blockedUntil.put(key(user), clock.millis() + window.toMillis());
        }
    }

    private void countLocally(String user) {
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

    /** A successful login: the name starts afresh on this instance (the cluster's failures age out with the window). */
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
