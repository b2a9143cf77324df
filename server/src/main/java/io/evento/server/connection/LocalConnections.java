package io.evento.server.connection;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The bundle connections of this server instance, by connection key. */
@ApplicationScoped
public class LocalConnections {

    private final Map<String, BundleConnection> connections = new ConcurrentHashMap<>();

    public void add(BundleConnection connection) {
        connections.put(connection.connectionKey(), connection);
    }

    public void remove(BundleConnection connection) {
        connections.remove(connection.connectionKey(), connection);
    }

    public Optional<BundleConnection> find(String connectionKey) {
        return Optional.ofNullable(connections.get(connectionKey));
    }

    public Collection<BundleConnection> all() {
        return List.copyOf(connections.values());
    }
}
