package io.evento.server.store.jdbc;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.AppendResult;
import io.evento.server.store.EventStoreSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: appends from many callers wait in a bounded queue; a few writer threads each take
 * whatever is queued (up to a size limit) and write it in one transaction. Throughput grows with
 * concurrency instead of being one commit per append, and a full queue answers OVERLOADED at once
 * instead of queueing without bound.
 */
final class GroupCommitter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GroupCommitter.class.getName());
    private static final long MAX_BATCH_BYTES = 32L << 20;

    private final EventStoreSettings settings;
    private final java.util.function.Supplier<BatchWriter> writers;
    private final BlockingQueue<PendingAppend> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final List<BatchWriter> writerStates = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.LongAdder batches = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder appends = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder events = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder writeNanos = new java.util.concurrent.atomic.LongAdder();

    GroupCommitter(EventStoreSettings settings, java.util.function.Supplier<BatchWriter> writers, ThreadFactory threadFactory) {
        this.settings = settings;
        this.writers = writers;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        for (int i = 0; i < settings.writers(); i++) {
            Thread thread = threadFactory.newThread(this::run);
            thread.setName("evento-event-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    CompletableFuture<List<AppendResult>> submit(List<AppendRequest> requests) {
        if (!running) {
            throw new EventoException(ErrorCode.NOT_READY, "the event store is closed");
        }
        PendingAppend pending = PendingAppend.of(requests);
        if (!queue.offer(pending)) {
            throw new EventoException(ErrorCode.OVERLOADED, settings.queueCapacity()
                    + " appends are already waiting for the database; retry later");
        }
        return pending.result();
    }

    /**
     * Proves that a writer can write now (on its own connection): completes when it did, fails
     * with DATABASE_UNAVAILABLE when it could not. Readiness asks this.
     */
    CompletableFuture<List<AppendResult>> probe() {
        PendingAppend probe = PendingAppend.probe();
        if (!running || !queue.offer(probe)) {
            return CompletableFuture.failedFuture(new EventoException(ErrorCode.OVERLOADED, "the event writers are busy"));
        }
        return probe.result();
    }

    private void run() {
        BatchWriter writer = writers.get();
        writerStates.add(writer);
        PendingAppend carried = null;
        while (running || !queue.isEmpty() || carried != null) {
            List<PendingAppend> batch = new ArrayList<>();
            try {
                PendingAppend first = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
                carried = null;
                if (first == null) {
                    continue;
                }
                if (first.isProbe()) {
                    probe(writer, first);
                    continue;
                }
                batch.add(first);
                carried = fill(batch, first.events(), first.bytes());
                long start = System.nanoTime();
                writer.write(batch);
                writeNanos.add(System.nanoTime() - start);
                batches.increment();
                appends.add(batch.size());
                batch.forEach(p -> events.add(p.events()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "event writer failed unexpectedly", e);
                EventoException failure = new EventoException(ErrorCode.INTERNAL, "the events could not be written: " + e);
                batch.forEach(pending -> pending.result().completeExceptionally(failure));
            }
        }
        writer.close();
    }

    private static void probe(BatchWriter writer, PendingAppend probe) {
        try {
            writer.probe();
            probe.result().complete(List.of());
        } catch (java.sql.SQLException e) {
            probe.result().completeExceptionally(new EventoException(ErrorCode.DATABASE_UNAVAILABLE,
                    "the event writer cannot write: " + e.getMessage(), e));
        }
    }

    /** Whether every writer's last batch or probe reached the database. */
    boolean writersHealthy() {
        return writerStates.stream().allMatch(BatchWriter::healthy);
    }

    /** Adds queued appends up to the limits; returns an append that did not fit, for the next batch. */
    private PendingAppend fill(List<PendingAppend> batch, int events, long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + settings.batchWait().toNanos();
        while (events < settings.maxBatchEvents()) {
            PendingAppend next = queue.poll();
            if (next == null) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0) {
                    return null;
                }
                next = queue.poll(wait, TimeUnit.NANOSECONDS);
                if (next == null) {
                    return null;
                }
            }
            if (next.isProbe() || events + next.events() > settings.maxBatchEvents() || bytes + next.bytes() > MAX_BATCH_BYTES) {
                return next;
            }
            batch.add(next);
            events += next.events();
            bytes += next.bytes();
        }
        return null;
    }

    /** Counters since start: batches (transactions), appends and events written, time spent writing. */
    WriteStatistics statistics() {
        return new WriteStatistics(batches.sum(), appends.sum(), events.sum(), writeNanos.sum() / 1_000_000, queue.size());
    }

    /** Stops taking appends, writes what is queued, waits for the writers. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        PendingAppend left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new EventoException(ErrorCode.NOT_READY, "the event store closed before this append was written"));
        }
    }
}
