package io.evento.server.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's thread pools, defined by the application and run by the container (Jakarta
 * Concurrency): {@value #WORKER_THREADS} workers and a two-thread timer. The container's default
 * managed executor would not do: it has no core threads and an unbounded queue, so it runs one
 * task at a time; a defined executor's {@code maxAsync} is its fixed size (Payara makes it the core
 * and the maximum pool size).
 */
@ManagedExecutorDefinition(name = ExecutorHolder.WORKERS, maxAsync = ExecutorHolder.WORKER_THREADS)
@ManagedScheduledExecutorDefinition(name = ExecutorHolder.TIMERS, maxAsync = 2)
@ApplicationScoped
public class ExecutorHolder {

    static final String WORKERS = "java:app/concurrent/evento-workers";
    static final String TIMERS = "java:app/concurrent/evento-timers";
    static final int WORKER_THREADS = 32;

    @Resource(lookup = WORKERS)
    ManagedExecutorService executor;

    @Resource(lookup = TIMERS)
    ManagedScheduledExecutorService scheduler;

    public ExecutorService executor() {
        return executor;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Runs the task on the worker pool after a delay: the timer threads only hop, so a task that
     * blocks (a slow socket) never delays the other timers.
     */
    public void later(long delayMillis, Runnable task) {
        scheduler.schedule(() -> executor.execute(task), delayMillis, TimeUnit.MILLISECONDS);
    }
}
