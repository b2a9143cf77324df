package io.evento.server.routing;

import io.evento.server.routing.local.LocalRouteDirectory;

import java.util.List;

/** The route directory contract on a one-member cluster. */
class LocalRouteDirectoryTest extends RouteDirectoryContract {

    @Override
    protected List<RouteDirectory> start() {
        LocalRouteDirectory directory = new LocalRouteDirectory();
        return List.of(directory, directory);
    }

    @Override
    protected void stop() {
        // nothing to stop
    }
}
