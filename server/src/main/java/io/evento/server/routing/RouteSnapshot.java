package io.evento.server.routing;

import io.evento.protocol.frame.MessageKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An immutable lookup from (payload type, kind) to enabled targets, rebuilt on every change. */
public final class RouteSnapshot {

    public static final RouteSnapshot EMPTY = new RouteSnapshot(Map.of(), List.of());

    private final Map<String, List<RouteTarget>> byPayload;
    private final List<ConnectionRoutes> all;

    private RouteSnapshot(Map<String, List<RouteTarget>> byPayload, List<ConnectionRoutes> all) {
        this.byPayload = byPayload;
        this.all = all;
    }

    public static RouteSnapshot of(Collection<ConnectionRoutes> connections) {
        Map<String, List<RouteTarget>> index = new HashMap<>();
        Map<String, ConnectionRoutes> newestPerInstance = new HashMap<>();
        for (ConnectionRoutes connection : connections) {
            newestPerInstance.merge(connection.bundleId() + "/" + connection.instanceId(), connection,
                    (a, b) -> a.registeredAt() >= b.registeredAt() ? a : b);
        }
        for (ConnectionRoutes connection : newestPerInstance.values()) {
            if (!connection.enabled()) {
                continue;
            }
            for (ConnectionRoutes.Handler handler : connection.handlers()) {
                index.computeIfAbsent(key(handler.payloadType(), handler.messageKind()), k -> new ArrayList<>())
                        .add(new RouteTarget(connection.connectionKey(), connection.memberId(), connection.bundleId(),
                                connection.instanceId(), handler.component(), handler.componentKind()));
            }
        }
        index.replaceAll((k, targets) -> targets.stream().sorted(Comparator.comparing(RouteTarget::connectionKey)).toList());
        List<ConnectionRoutes> sorted = connections.stream().sorted(Comparator.comparing(ConnectionRoutes::connectionKey)).toList();
        return new RouteSnapshot(Map.copyOf(index), sorted);
    }

    public List<RouteTarget> candidates(String payloadType, MessageKind kind) {
        return byPayload.getOrDefault(key(payloadType, kind), List.of());
    }

    public List<ConnectionRoutes> all() {
        return all;
    }

    private static String key(String payloadType, MessageKind kind) {
        return kind + " " + payloadType;
    }
}
