package io.evento.server.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

/** The container's managed executors, for work the server runs off request threads. */
@ApplicationScoped
public class ExecutorHolder {

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    public ManagedExecutorService executor() {
        return executor;
    }

    public ManagedScheduledExecutorService scheduler() {
        return scheduler;
    }
}
