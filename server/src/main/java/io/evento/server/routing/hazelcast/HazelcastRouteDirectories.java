package io.evento.server.routing.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import io.evento.server.routing.RouteDirectory;

import java.util.Optional;

/** Creates the Hazelcast routing table; kept apart so that servers without Hazelcast never load it. */
public final class HazelcastRouteDirectories {

    private HazelcastRouteDirectories() {
    }

    public static Optional<RouteDirectory> create(Object candidate) {
        try {
            if (candidate instanceof HazelcastInstance hazelcast && hazelcast.getLifecycleService().isRunning()) {
                return Optional.of(new HazelcastRouteDirectory(hazelcast));
            }
        } catch (NoClassDefFoundError e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
