package io.evento.protocol.frame;

import java.util.List;

/**
 * Bundle → server, every few seconds and after a change: the consumers this bundle instance runs
 * now (it holds their lease) and the service times its consumer handlers measured since the last
 * report. No answer. The server shows it in the admin API; nothing routes on it.
 *
 * @param id        frame id
 * @param consumers the consumers this instance runs
 * @param timings   per consumer handler, the invocations since the previous report
 */
public record ConsumerReport(String id, List<ConsumerStatus> consumers, List<HandlerTiming> timings) implements Frame {

    /** Most dead events listed per consumer; {@link ConsumerStatus#deadEventCount()} has the total. */
    public static final int MAX_DEAD_EVENTS = 100;

    public ConsumerReport {
        Fields.text(id, "id");
        consumers = Fields.list(consumers);
        timings = Fields.list(timings);
    }

    /**
     * @param consumerId     {@code bundle:component:version:context}
     * @param component      the component
     * @param kind           PROJECTOR, SAGA or OBSERVER
     * @param position       the last processed position, or null before the first
     * @param caughtUp       whether it reached the head of the stream at its last fetch
     * @param deadEventCount how many dead events it has
     * @param deadEvents     the oldest of them, at most {@link #MAX_DEAD_EVENTS}
     * @param retrying       the event it is stuck on (a handler retried without end), or null
     * @param context        the context pattern it reads (optional: when absent, the consumer id's last part)
     */
    public record ConsumerStatus(String consumerId, String component, ComponentKind kind, String position, boolean caughtUp,
                                 int deadEventCount, List<DeadEventInfo> deadEvents, Retrying retrying, String context) {
        public ConsumerStatus {
            Fields.text(consumerId, "consumerId");
            Fields.text(component, "component");
            Fields.required(kind, "kind");
            deadEvents = Fields.list(deadEvents);
            if (context == null || context.isBlank()) {
                int colon = consumerId.lastIndexOf(':');
                context = colon >= 0 && colon < consumerId.length() - 1 ? consumerId.substring(colon + 1) : EventContexts.ANY;
            }
        }

        /** A status without the context field (older bundles): taken from the consumer id. */
        public ConsumerStatus(String consumerId, String component, ComponentKind kind, String position, boolean caughtUp,
                              int deadEventCount, List<DeadEventInfo> deadEvents, Retrying retrying) {
            this(consumerId, component, kind, position, caughtUp, deadEventCount, deadEvents, retrying, null);
        }

        /** A consumer that retries nothing without end (no {@code retrying}). */
        public ConsumerStatus(String consumerId, String component, ComponentKind kind, String position, boolean caughtUp,
                              int deadEventCount, List<DeadEventInfo> deadEvents) {
            this(consumerId, component, kind, position, caughtUp, deadEventCount, deadEvents, null, null);
        }
    }

    /**
     * The event a consumer is stuck on: its handler ({@code retries = -1}) keeps failing and the
     * consumer retries it without end, processing nothing after it.
     *
     * @param eventId     the event
     * @param eventType   its payload type
     * @param position    its position
     * @param attempts    failed attempts so far
     * @param error       the last failure
     * @param sinceMillis when the first attempt failed (epoch milliseconds)
     */
    public record Retrying(String eventId, String eventType, String position, int attempts, String error, long sinceMillis) {
    }

    /**
     * @param eventId   the event
     * @param position  its position
     * @param eventType its type
     * @param error     the last failure
     * @param attempts  attempts made
     * @param retry     flagged for another attempt
     * @param deadAt    when it was parked (epoch ms)
     */
    public record DeadEventInfo(String eventId, String position, String eventType, String error, int attempts, boolean retry,
                                long deadAt) {
        public DeadEventInfo {
            Fields.text(eventId, "eventId");
        }
    }

    /**
     * @param component    the consumer component
     * @param payloadType  the event type its handler takes
     * @param invocations  handler invocations since the previous report
     * @param failures     of which failed
     * @param totalMillis  their summed service time
     * @param maxMillis    the longest
     */
    public record HandlerTiming(String component, String payloadType, long invocations, long failures, double totalMillis,
                                double maxMillis) {
        public HandlerTiming {
            Fields.text(component, "component");
            Fields.text(payloadType, "payloadType");
            if (invocations < 0 || failures < 0 || totalMillis < 0 || maxMillis < 0) {
                throw new IllegalArgumentException("timings must not be negative");
            }
        }
    }
}
