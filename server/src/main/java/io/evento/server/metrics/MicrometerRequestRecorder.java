package io.evento.server.metrics;

import io.evento.protocol.ErrorCode;
import io.evento.server.routing.RequestRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@value #NAME}: one timer per request kind and outcome, with a histogram of fixed buckets from
 * 1 ms to 30 s (the Prometheus {@code _bucket} series), so percentiles can be computed across
 * instances. Recording is a map look-up and a few atomic additions.
 */
public final class MicrometerRequestRecorder implements RequestRecorder {

    static final String NAME = "evento.requests";
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public MicrometerRequestRecorder(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(String kind, String outcome, long nanos) {
        String known = known(outcome);
        timers.computeIfAbsent(kind + "/" + known, key -> Timer.builder(NAME)
                        .description("Requests answered by this instance's origin side (arrival to answer), by kind and outcome")
                        .tag("kind", kind.toLowerCase(Locale.ROOT)).tag("outcome", known)
                        .serviceLevelObjectives(BUCKETS).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code OK}, an error code of the protocol, or {@code OTHER} (a bundle may answer any code: the label set stays bounded). */
    private static String known(String outcome) {
        if ("OK".equals(outcome)) {
            return outcome;
        }
        try {
            return ErrorCode.valueOf(outcome).name();
        } catch (IllegalArgumentException | NullPointerException e) {
            return "OTHER";
        }
    }
}
