package io.evento.server.telemetry;

/**
 * A handler's invocations over a time window, summed over every server instance.
 *
 * @param bundleId    the bundle
 * @param component   the component
 * @param payloadType the payload it handles
 * @param invocations invocations in the window
 * @param failures    of which failed
 * @param meanMillis  mean service time
 * @param maxMillis   the longest service time
 * @param perSecond   invocations per second over the window
 */
public record HandlerWindow(String bundleId, String component, String payloadType, long invocations, long failures,
                            double meanMillis, double maxMillis, double perSecond) {

    public HandlerKey key() {
        return new HandlerKey(bundleId, component, payloadType);
    }
}
