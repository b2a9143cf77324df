package io.evento.server.routing;

import io.evento.server.cluster.ClusterView;
import io.evento.server.cluster.PayaraHazelcast;
import io.evento.server.routing.hazelcast.HazelcastRouteDirectories;
import io.evento.server.routing.local.LocalRouteDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import java.util.Optional;

/** The routing table in Hazelcast when the cluster runs on it, in memory otherwise. */
@ApplicationScoped
public class RouteDirectoryProducer {

    @Produces
    @ApplicationScoped
    RouteDirectory routeDirectory(ClusterView view) {
        Optional<Object> hazelcast = PayaraHazelcast.lookup();
        if ("hazelcast".equals(view.kind()) && hazelcast.isPresent()) {
            Optional<RouteDirectory> directory = HazelcastRouteDirectories.create(hazelcast.get());
            if (directory.isPresent()) {
                return directory.get();
            }
        }
        return new LocalRouteDirectory();
    }

    void close(@Disposes RouteDirectory directory) {
        if (directory instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the cluster stopped with the server
            }
        }
    }
}
