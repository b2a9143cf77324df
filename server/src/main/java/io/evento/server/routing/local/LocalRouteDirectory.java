package io.evento.server.routing.local;

import io.evento.protocol.frame.MessageKind;
import io.evento.server.routing.ConnectionRoutes;
import io.evento.server.routing.RouteDirectory;
import io.evento.server.routing.RouteSnapshot;
import io.evento.server.routing.RouteTarget;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The routing table of a one-member cluster. */
public final class LocalRouteDirectory implements RouteDirectory {

    private final Map<String, ConnectionRoutes> routes = new ConcurrentHashMap<>();
    private volatile RouteSnapshot snapshot = RouteSnapshot.EMPTY;

    @Override
    public void publish(ConnectionRoutes connection) {
        routes.put(connection.connectionKey(), connection);
        snapshot = RouteSnapshot.of(routes.values());
    }

    @Override
    public void withdraw(String connectionKey) {
        routes.remove(connectionKey);
        snapshot = RouteSnapshot.of(routes.values());
    }

    @Override
    public void withdrawMember(String memberId) {
        routes.values().removeIf(r -> r.memberId().equals(memberId));
        snapshot = RouteSnapshot.of(routes.values());
    }

    @Override
    public List<ConnectionRoutes> all() {
        return snapshot.all();
    }

    @Override
    public List<RouteTarget> candidates(String payloadType, MessageKind kind) {
        return snapshot.candidates(payloadType, kind);
    }
}
