package io.evento.server.cluster;

import io.evento.server.cluster.standalone.LocalMessaging;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The messaging contract on a one-member cluster. */
class LocalMessagingTest extends ClusterMessagingContract {

    private ExecutorService executor;

    @Override
    protected List<ClusterMessaging> start() {
        executor = Executors.newFixedThreadPool(4);
        LocalMessaging messaging = new LocalMessaging("only-member", executor);
        return List.of(messaging, messaging);
    }

    @Override
    protected void stop() {
        executor.shutdownNow();
    }
}
