package io.evento.server.telemetry;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every handler invocation this server instance made (count, failures, service time) and
 * every message a component sent, for the admin API's telemetry, flows and performance model.
 */
@ApplicationScoped
public class HandlerTelemetry {

    private static final double ALPHA = 0.1;

    private final Map<HandlerKey, Counter> handlers = new ConcurrentHashMap<>();
    private final Map<SendKey, java.util.concurrent.atomic.LongAdder> sends = new ConcurrentHashMap<>();

    /** An invocation of a handler took {@code nanos} and succeeded or failed. */
    public void invoked(HandlerKey handler, long nanos, boolean failed) {
        handlers.computeIfAbsent(handler, k -> new Counter()).add(nanos / 1_000_000.0, failed);
    }

    /** A component of a bundle sent a payload. */
    public void sent(String bundleId, String component, String payloadType) {
        sends.computeIfAbsent(new SendKey(bundleId, component == null ? "" : component, payloadType),
                k -> new java.util.concurrent.atomic.LongAdder()).increment();
    }

    public List<HandlerStatistics> handlers() {
        return handlers.entrySet().stream().map(e -> e.getValue().statistics(e.getKey()))
                .sorted(Comparator.comparing((HandlerStatistics s) -> s.handler().bundleId())
                        .thenComparing(s -> s.handler().component()).thenComparing(s -> s.handler().payloadType()))
                .toList();
    }

    /** How many times each (bundle, component) sent each payload type. */
    public Map<SendKey, Long> sends() {
        Map<SendKey, Long> copy = new java.util.HashMap<>();
        sends.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /**
     * @param bundleId    the sending bundle
     * @param component   the sending component ("" when not given)
     * @param payloadType what it sent
     */
    public record SendKey(String bundleId, String component, String payloadType) {
    }

    private static final class Counter {
        private long invocations;
        private long failures;
        private double total;
        private double max;
        private double smoothed = Double.NaN;

        synchronized void add(double millis, boolean failed) {
            invocations++;
            if (failed) {
                failures++;
            }
            total += millis;
            max = Math.max(max, millis);
            smoothed = Double.isNaN(smoothed) ? millis : smoothed + ALPHA * (millis - smoothed);
        }

        synchronized HandlerStatistics statistics(HandlerKey key) {
            return new HandlerStatistics(key, invocations, failures, total, max, invocations == 0 ? 0 : total / invocations,
                    Double.isNaN(smoothed) ? 0 : smoothed);
        }
    }
}
