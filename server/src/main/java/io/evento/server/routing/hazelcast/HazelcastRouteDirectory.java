package io.evento.server.routing.hazelcast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.EntryListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.MapEvent;
import com.hazelcast.replicatedmap.ReplicatedMap;
import io.evento.protocol.frame.MessageKind;
import io.evento.server.routing.ConnectionRoutes;
import io.evento.server.routing.RouteDirectory;
import io.evento.server.routing.RouteSnapshot;
import io.evento.server.routing.RouteTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The routing table in a Hazelcast replicated map ({@value #MAP}): every member has a full copy
 * and reads locally; values are JSON text so that Hazelcast never needs an application class.
 */
public final class HazelcastRouteDirectory implements RouteDirectory, AutoCloseable {

    static final String MAP = "evento.routes";
    private static final System.Logger LOG = System.getLogger(HazelcastRouteDirectory.class.getName());

    private final ReplicatedMap<String, String> routes;
    private final ObjectMapper json = new ObjectMapper();
    private final UUID listener;
    private volatile RouteSnapshot snapshot = RouteSnapshot.EMPTY;

    public HazelcastRouteDirectory(HazelcastInstance hazelcast) {
        this.routes = hazelcast.getReplicatedMap(MAP);
        this.listener = routes.addEntryListener(new Changes());
        rebuild();
    }

    @Override
    public void publish(ConnectionRoutes connection) {
        try {
            routes.put(connection.connectionKey(), json.writeValueAsString(connection));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rebuild();
    }

    @Override
    public void withdraw(String connectionKey) {
        routes.remove(connectionKey);
        rebuild();
    }

    @Override
    public void withdrawMember(String memberId) {
        for (String key : Set.copyOf(routes.keySet())) {
            if (key.startsWith(memberId + "/")) {
                routes.remove(key);
            }
        }
        rebuild();
    }

    /**
     * Rebuilds the snapshot from the replicated map: after a split-brain merge Hazelcast replaced a
     * member's copy without entry events, and the snapshot kept routes that no longer existed (the
     * member then never published its own connection again) or missed the ones that came back.
     */
    @Override
    public void refresh() {
        rebuild();
    }

    @Override
    public List<ConnectionRoutes> all() {
        return snapshot.all();
    }

    @Override
    public List<RouteTarget> candidates(String payloadType, MessageKind kind) {
        return snapshot.candidates(payloadType, kind);
    }

    private synchronized void rebuild() {
        List<ConnectionRoutes> connections = new ArrayList<>();
        for (String value : routes.values()) {
            try {
                connections.add(json.readValue(value, ConnectionRoutes.class));
            } catch (JsonProcessingException e) {
                LOG.log(System.Logger.Level.WARNING, "unreadable route entry ignored: " + e.getOriginalMessage());
            }
        }
        snapshot = RouteSnapshot.of(connections);
    }

    @Override
    public void close() {
        try {
            routes.removeEntryListener(listener);
        } catch (RuntimeException e) {
            // Hazelcast stopped with the server
        }
    }

    private final class Changes implements EntryListener<String, String> {
        @Override
        public void entryAdded(EntryEvent<String, String> event) {
            rebuild();
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> event) {
            rebuild();
        }

        @Override
        public void entryRemoved(EntryEvent<String, String> event) {
            rebuild();
        }

        @Override
        public void entryEvicted(EntryEvent<String, String> event) {
            rebuild();
        }

        @Override
        public void entryExpired(EntryEvent<String, String> event) {
            rebuild();
        }

        @Override
        public void mapCleared(MapEvent event) {
            rebuild();
        }

        @Override
        public void mapEvicted(MapEvent event) {
            rebuild();
        }
    }
}
