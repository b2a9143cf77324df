package io.evento.bundle.runtime;

import io.evento.protocol.frame.ConsumerReport.HandlerTiming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Service times of a consumer's handlers, accumulated until the next report drains them. */
final class HandlerTimings {

    private final String component;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    HandlerTimings(String component) {
        this.component = component;
    }

    void record(String payloadType, long nanos, boolean failed) {
        counters.computeIfAbsent(payloadType, k -> new Counter()).add(nanos / 1_000_000.0, failed);
    }

    /** What was recorded since the previous call; the counters start again from zero. */
    List<HandlerTiming> drain() {
        List<HandlerTiming> timings = new ArrayList<>();
        counters.forEach((type, counter) -> {
            HandlerTiming timing = counter.drain(component, type);
            if (timing != null) {
                timings.add(timing);
            }
        });
        return timings;
    }

    private static final class Counter {
        private long invocations;
        private long failures;
        private double total;
        private double max;

        synchronized void add(double millis, boolean failed) {
            invocations++;
            failures += failed ? 1 : 0;
            total += millis;
            max = Math.max(max, millis);
        }

        synchronized HandlerTiming drain(String component, String type) {
            if (invocations == 0) {
                return null;
            }
            HandlerTiming timing = new HandlerTiming(component, type, invocations, failures, total, max);
            invocations = 0;
            failures = 0;
            total = 0;
            max = 0;
            return timing;
        }
    }
}
