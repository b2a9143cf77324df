package io.evento.server.routing;

import io.evento.server.routing.hazelcast.HazelcastRouteDirectory;
import io.evento.server.testing.EmbeddedHazelcast;
import org.junit.jupiter.api.AfterAll;

import java.util.List;

/** The route directory contract on two embedded Hazelcast members (loopback recipe, one cluster for the class). */
class HazelcastRouteDirectoryTest extends RouteDirectoryContract {

    private static EmbeddedHazelcast cluster;
    private static List<RouteDirectory> directories;

    @Override
    protected List<RouteDirectory> start() {
        if (cluster == null) {
            cluster = EmbeddedHazelcast.start(2);
            directories = List.of(new HazelcastRouteDirectory(cluster.member(0)), new HazelcastRouteDirectory(cluster.member(1)));
        }
        return directories;
    }

    @Override
    protected void stop() {
        // the cluster serves every test of the class
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
