package io.evento.server.flow;

import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.MessageKind;
import io.evento.server.catalog.CatalogEntries.Component;
import io.evento.server.catalog.CatalogEntries.Handler;
import io.evento.server.catalog.CatalogView;
import io.evento.server.telemetry.SendKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Components and the messages between them: a command or query goes from the components seen
 * sending it to the component handling it; an event goes from the components whose handlers
 * return it to every consumer. An aggregate's own event-sourcing handlers are not edges.
 *
 * @param nodes the components, and senders known only from telemetry
 * @param edges the messages
 */
public record ApplicationGraph(List<Node> nodes, List<Edge> edges) {

    /**
     * @param id        {@code bundle/component}
     * @param bundleId  the bundle
     * @param component the component
     * @param kind      its kind, or null for a sender the catalog does not know
     */
    public record Node(String id, String bundleId, String component, ComponentKind kind) {
    }

    /**
     * @param from     the sending node
     * @param to       the receiving node
     * @param payload  the payload type
     * @param kind     its kind
     * @param messages how many were seen sent in the telemetry window (events: 0, they are not counted per edge)
     */
    public record Edge(String from, String to, String payload, MessageKind kind, long messages) {
    }

    public static ApplicationGraph of(CatalogView catalog, Map<SendKey, Long> sends) {
        Map<String, Node> nodes = new TreeMap<>();
        for (Component c : catalog.components()) {
            nodes.put(id(c.bundleId(), c.name()), new Node(id(c.bundleId(), c.name()), c.bundleId(), c.name(), c.kind()));
        }
        Map<String, Edge> edges = new LinkedHashMap<>();
        for (Component target : catalog.components()) {
            for (Handler handler : target.handlers()) {
                if (isSourcing(target, handler)) {
                    continue;
                }
                String to = id(target.bundleId(), target.name());
                if (handler.kind() != null && handler.kind().isEvent()) {
                    for (Component producer : catalog.components()) {
                        if (producer.handlers().stream().anyMatch(h -> handler.payload().equals(h.returns()))) {
                            String from = id(producer.bundleId(), producer.name());
                            edges.putIfAbsent(from + ">" + to + ">" + handler.payload(), new Edge(from, to, handler.payload(), handler.kind(), 0));
                        }
                    }
                } else {
                    Map<String, Long> bySender = new TreeMap<>();
                    sends.forEach((send, count) -> {
                        if (send.payloadType().equals(handler.payload())) {
                            bySender.merge(id(send.bundleId(), send.component()), count, Long::sum);
                            nodes.putIfAbsent(id(send.bundleId(), send.component()),
                                    new Node(id(send.bundleId(), send.component()), send.bundleId(), send.component(), null));
                        }
                    });
                    bySender.forEach((from, count) -> edges.put(from + ">" + to + ">" + handler.payload(),
                            new Edge(from, to, handler.payload(), handler.kind(), count)));
                }
            }
        }
        return new ApplicationGraph(new ArrayList<>(nodes.values()), new ArrayList<>(edges.values()));
    }

    static boolean isSourcing(Component component, Handler handler) {
        return component.kind() == ComponentKind.AGGREGATE && handler.kind() != null && handler.kind().isEvent();
    }

    static String id(String bundleId, String component) {
        return bundleId + "/" + component;
    }
}
