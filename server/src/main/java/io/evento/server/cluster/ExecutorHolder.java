package io.evento.server.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The server's thread pools: {@value #WORKER_THREADS} workers and a two-thread timer, on threads
 * from the container's {@link ManagedThreadFactory} (so every task runs in the application's
 * context, captured once per thread). Not a {@code ManagedExecutorService}: Payara's captures the
 * submitter's context for every task, and that capture scans the application's class path for
 * {@code ThreadContextProvider}s each time, which cost a fifth of the server's CPU on the command
 * path (ADR 0012). The container's default managed executor would not do either: it has no core
 * threads and an unbounded queue, so it runs one task at a time.
 */
@ApplicationScoped
public class ExecutorHolder {

    static final int WORKER_THREADS = 32;

    @Resource
    ManagedThreadFactory threadFactory;

    private ExecutorService executor;
    private ScheduledExecutorService scheduler;

    @PostConstruct
    void start() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threadFactory);
        pool.allowCoreThreadTimeOut(true);
        executor = pool;
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2, threadFactory);
        timers.setRemoveOnCancelPolicy(true);
        scheduler = timers;
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        executor.shutdown();
    }

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
