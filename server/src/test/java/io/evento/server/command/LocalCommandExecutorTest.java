package io.evento.server.command;

import io.evento.server.cluster.standalone.LocalMessaging;
import io.evento.server.routing.RoutingSettings;
import io.evento.server.routing.local.LocalRouteDirectory;
import io.evento.server.store.memory.InMemoryEventStore;
import io.evento.server.testing.ServerNode;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The executor contract against the local implementation (the target connections are on this member). */
class LocalCommandExecutorTest extends CommandExecutorContract {

    private ExecutorService executorThreads;

    @Override
    protected void start() {
        executorThreads = Executors.newCachedThreadPool();
        target = new ServerNode(new LocalRouteDirectory(), new LocalMessaging("member-a", executorThreads), new InMemoryEventStore(), clock,
                CommandSettings.defaults(), RoutingSettings.defaults());
        executor = target.local;
        origin = target.memberId;
    }

    @Override
    protected void stop() {
        target.close();
        executorThreads.shutdownNow();
    }
}
