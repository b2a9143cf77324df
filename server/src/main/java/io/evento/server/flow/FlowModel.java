package io.evento.server.flow;

import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.MessageKind;
import io.evento.server.catalog.CatalogEntries.Component;
import io.evento.server.catalog.CatalogEntries.ComponentRef;
import io.evento.server.catalog.CatalogEntries.Handler;
import io.evento.server.catalog.CatalogEntries.Payload;
import io.evento.server.catalog.CatalogView;
import io.evento.server.telemetry.HandlerKey;
import io.evento.server.telemetry.HandlerWindow;
import io.evento.server.telemetry.SendKey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the flows of a system and evaluates them. A flow starts at each command or query that an
 * invoker sends (or that no handler is seen sending). From a handler it continues to every
 * consumer of the event the handler returns (in proportion to its successful invocations) and to
 * every message the handler is seen sending (in proportion to messages per invocation).
 *
 * <p>The evaluation is an operational-analysis bound: a handler with mean service time S (ms),
 * reached r times per root invocation and run by k servers at once sustains k·1000 / (r·S) root
 * invocations per second; the flow sustains the smallest of these, and that handler is its
 * bottleneck. k is the number of connected instances of an aggregate's, service's or projection's
 * bundle (each instance counted as one server per handler) and 1 for a projector, saga or
 * observer (one instance runs a consumer at a time).
 */
public final class FlowModel {

    static final int MAX_DEPTH = 12;

    private final CatalogView catalog;
    private final Map<HandlerKey, HandlerWindow> windows;
    private final Map<SendKey, Long> sends;
    private final Map<String, Integer> instances;

    /**
     * @param catalog   the catalogs
     * @param windows   handler telemetry over the window
     * @param sends     who sent what over the window
     * @param instances enabled connected instances per bundle
     */
    public FlowModel(CatalogView catalog, List<HandlerWindow> windows, Map<SendKey, Long> sends, Map<String, Integer> instances) {
        this.catalog = catalog;
        this.windows = windows.stream().collect(Collectors.toMap(HandlerWindow::key, Function.identity(), (a, b) -> a));
        this.sends = sends;
        this.instances = instances;
    }

    /** Every flow, by root payload type. */
    public List<Flow> flows() {
        List<Flow> flows = new ArrayList<>();
        for (Payload payload : catalog.payloads()) {
            if (isRoot(payload)) {
                flows.add(flow(payload));
            }
        }
        return flows;
    }

    private boolean isRoot(Payload payload) {
        if (payload.kind() == null || !(payload.kind().isCommand() || payload.kind() == MessageKind.QUERY)
                || handlersOf(payload.name()).isEmpty()) {
            return false;
        }
        boolean sentInHandlers = sends.keySet().stream().anyMatch(s -> s.payloadType().equals(payload.name()) && !s.handler().isEmpty());
        boolean sentByInvokers = payload.sentBy().stream().anyMatch(r -> r.kind() == ComponentKind.INVOKER || r.kind() == null);
        return sentByInvokers || !sentInHandlers;
    }

    private Flow flow(Payload root) {
        List<FlowStep> steps = expand(root.name(), 1.0, "", new HashSet<>(), 0);
        List<FlowStep> all = new ArrayList<>();
        steps.forEach(step -> collect(step, all));
        FlowStep bottleneck = all.stream().filter(s -> s.capacity() != null)
                .min(java.util.Comparator.comparingDouble(FlowStep::capacity)).orElse(null);
        double rootRate = handlersOf(root.name()).stream()
                .mapToDouble(h -> window(h.bundleId(), h.component(), root.name()).map(HandlerWindow::perSecond).orElse(0.0)).sum();
        List<String> senders = root.sentBy().stream().map(r -> r.bundleId() + "/" + r.component()).distinct().toList();
        return new Flow(root.name(), root.kind(), senders, rootRate, steps, bottleneck == null ? null : bottleneck.capacity(),
                bottleneck == null ? null : bottleneck.id());
    }

    private List<FlowStep> expand(String payload, double ratio, String path, Set<String> visiting, int depth) {
        List<FlowStep> steps = new ArrayList<>();
        if (depth >= MAX_DEPTH) {
            return steps;
        }
        for (ComponentRef ref : handlersOf(payload)) {
            String key = ref.bundleId() + "/" + ref.component() + "#" + payload;
            if (!visiting.add(key)) {
                continue;
            }
            String id = path.isEmpty() ? key : path + " > " + key;
            Component component = catalog.componentsByKey().get(ref.bundleId() + "/" + ref.component());
            HandlerWindow measured = window(ref.bundleId(), ref.component(), payload).orElse(null);
            long invocations = measured == null ? 0 : measured.invocations();
            List<FlowStep> next = new ArrayList<>();
            Handler handler = component.handlers().stream().filter(h -> h.payload().equals(payload)).findFirst().orElseThrow();
            if (handler.returns() != null && isEvent(handler.returns())) {
                double success = invocations == 0 ? 1.0 : (double) (invocations - measured.failures()) / invocations;
                next.addAll(expand(handler.returns(), ratio * success, id, visiting, depth + 1));
            }
            sends.forEach((send, count) -> {
                if (send.bundleId().equals(ref.bundleId()) && send.component().equals(ref.component()) && send.handler().equals(payload)) {
                    double perInvocation = invocations == 0 ? 1.0 : (double) count / invocations;
                    next.addAll(expand(send.payloadType(), ratio * perInvocation, id, visiting, depth + 1));
                }
            });
            visiting.remove(key);
            int servers = servers(component);
            double mean = measured == null ? 0 : measured.meanMillis();
            Double capacity = mean <= 0 || ratio <= 0 ? null : servers * 1000.0 / (ratio * mean);
            steps.add(new FlowStep(id, payload, ref.bundleId(), ref.component(), component.kind(), ratio, invocations, mean, servers,
                    capacity, next));
        }
        return steps;
    }

    /** Components whose handlers take the payload (an aggregate's event-sourcing handlers excluded). */
    private List<ComponentRef> handlersOf(String payload) {
        List<ComponentRef> refs = new ArrayList<>();
        for (Component component : catalog.components()) {
            for (Handler handler : component.handlers()) {
                if (handler.payload().equals(payload) && !ApplicationGraph.isSourcing(component, handler)) {
                    refs.add(new ComponentRef(component.bundleId(), component.name(), component.kind()));
                }
            }
        }
        return refs;
    }

    private boolean isEvent(String payload) {
        return catalog.payloads().stream().anyMatch(p -> p.name().equals(payload) && p.kind() != null && p.kind().isEvent());
    }

    private int servers(Component component) {
        int connected = instances.getOrDefault(component.bundleId(), 0);
        return switch (component.kind()) {
            case PROJECTOR, SAGA, OBSERVER -> Math.min(1, connected);
            default -> connected;
        };
    }

    private java.util.Optional<HandlerWindow> window(String bundleId, String component, String payload) {
        return java.util.Optional.ofNullable(windows.get(new HandlerKey(bundleId, component, payload)));
    }

    private static void collect(FlowStep step, List<FlowStep> into) {
        into.add(step);
        step.next().forEach(next -> collect(next, into));
    }
}
