package io.evento.server.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The server's own thread pools, on container-managed threads: a worker pool of
 * {@code evento.server.threads} (default 32) threads and a two-thread timer. (The container's
 * default managed executor has no core threads and an unbounded queue, so it runs one task at a time.)
 */
@ApplicationScoped
public class ExecutorHolder {

    @Resource
    ManagedThreadFactory threadFactory;

    private ExecutorService executor;
    private ScheduledExecutorService scheduler;

    @PostConstruct
    void start() {
        int threads = ConfigProvider.getConfig().getOptionalValue("evento.server.threads", Integer.class).orElse(32);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
        pool.allowCoreThreadTimeOut(true);
        executor = pool;
        scheduler = new ScheduledThreadPoolExecutor(2, threadFactory);
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
