package io.evento.server.flow;

import io.evento.protocol.frame.ComponentKind;

import java.util.List;

/**
 * One handler on a flow's path, with what the performance evaluation used and found.
 *
 * @param id          unique in the flow (the path of payloads that led here)
 * @param payload     the message that invokes the handler
 * @param bundleId    the handler's bundle
 * @param component   its component
 * @param kind        the component's kind
 * @param ratio       expected invocations of this handler per invocation of the flow's root
 * @param invocations invocations measured in the window
 * @param meanMillis  mean service time measured in the window (0: not measured)
 * @param servers     how many can run it at once: connected instances of the bundle, one for a consumer
 * @param capacity    flow invocations per second this handler sustains ({@code servers / (ratio × mean)}), or null when not measured
 * @param next        the handlers it leads to
 */
public record FlowStep(String id, String payload, String bundleId, String component, ComponentKind kind, double ratio, long invocations,
                       double meanMillis, int servers, Double capacity, List<FlowStep> next) {

    public FlowStep {
        next = List.copyOf(next);
    }
}
