package io.evento.server.cluster;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time in submission order on a shared executor, without holding one of its
 * threads while idle: the cluster's messages of one channel keep their order without a thread of
 * their own.
 */
public final class OrderedExecutor implements Executor {

    private static final System.Logger LOG = System.getLogger(OrderedExecutor.class.getName());
    private static final int BURST = 256;

    private final Executor executor;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public OrderedExecutor(Executor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Runnable task;
            for (int i = 0; i < BURST && (task = tasks.poll()) != null; i++) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "cluster message handler failed", e);
                }
            }
        } finally {
            scheduled.set(false);
            schedule();
        }
    }
}
