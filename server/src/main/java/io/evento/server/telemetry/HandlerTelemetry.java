package io.evento.server.telemetry;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts, on this server instance, every handler invocation (count, failures, service time) and
 * every message a component sent, in per-minute buckets. {@link TelemetryPublisher} writes the
 * buckets to the database, where the admin API reads the whole cluster's.
 */
@ApplicationScoped
public class HandlerTelemetry {

    private final Map<Bucket, Counter> handlers = new ConcurrentHashMap<>();
    private final Map<SendBucket, LongAdder> sends = new ConcurrentHashMap<>();
    private final Clock clock;

    public HandlerTelemetry() {
        this(Clock.systemUTC());
    }

    public HandlerTelemetry(Clock clock) {
        this.clock = clock;
    }

    /** An invocation of a handler took {@code nanos} and succeeded or failed. */
    public void invoked(HandlerKey handler, long nanos, boolean failed) {
        handlers.computeIfAbsent(new Bucket(minute(), handler), k -> new Counter()).add(1, failed ? 1 : 0, nanos / 1_000_000.0,
                nanos / 1_000_000.0);
    }

    /** Invocations a bundle measured itself (consumer handlers) and reported. */
    public void recorded(HandlerKey handler, long invocations, long failures, double totalMillis, double maxMillis) {
        if (invocations > 0) {
            handlers.computeIfAbsent(new Bucket(minute(), handler), k -> new Counter()).add(invocations, failures, totalMillis, maxMillis);
        }
    }

    /** A component of a bundle sent a payload ({@code sender}: {@code Component} or {@code Component#HandledType}). */
    public void sent(String bundleId, String sender, String payloadType) {
        sends.computeIfAbsent(new SendBucket(minute(), SendKey.of(bundleId, sender, payloadType)), k -> new LongAdder()).increment();
    }

    /** The buckets held now (the current minute's and recent ones), as totals per minute. */
    public List<MinuteCounts> counts() {
        List<MinuteCounts> rows = new ArrayList<>();
        handlers.forEach((bucket, counter) -> rows.add(counter.row(bucket)));
        return rows;
    }

    public List<MinuteSends> sends() {
        List<MinuteSends> rows = new ArrayList<>();
        sends.forEach((bucket, count) -> rows.add(new MinuteSends(bucket.minute(), bucket.sender(), count.sum())));
        return rows;
    }

    /** Drops buckets of minutes before {@code minute} (they were published after they ended). */
    public void forgetBefore(long minute) {
        handlers.keySet().removeIf(bucket -> bucket.minute() < minute);
        sends.keySet().removeIf(bucket -> bucket.minute() < minute);
    }

    /** The current minute, in epoch minutes. */
    public long minute() {
        return clock.millis() / 60_000;
    }

    private record Bucket(long minute, HandlerKey handler) {
    }

    private record SendBucket(long minute, SendKey sender) {
    }

    private static final class Counter {
        private long invocations;
        private long failures;
        private double total;
        private double max;

        synchronized void add(long count, long failed, double millis, double longest) {
            invocations += count;
            failures += failed;
            total += millis;
            max = Math.max(max, longest);
        }

        synchronized MinuteCounts row(Bucket bucket) {
            return new MinuteCounts(bucket.minute(), bucket.handler(), invocations, failures, total, max);
        }
    }
}
