package io.evento.server.store;

import java.time.Duration;

/**
 * Settings of the event store (MicroProfile Config keys in brackets).
 *
 * @param mode              ordering mode ({@code evento.es.mode}, default HORIZON)
 * @param fetchDelay        APES only: how far behind now readers stay ({@code evento.es.fetch.delay}, ms, default 1000)
 * @param writers           concurrent group-commit transactions per instance ({@code evento.es.writers}, default 1:
 *                          appends complete off the writer, so one writer keeps the database busy with the largest
 *                          batches; a second one measured 20-30 % fewer domain commands/s through the bus, and in
 *                          CPES, whose appends take turns on one lock, it would only split batches)
 * @param maxBatchEvents    most events in one group-commit transaction ({@code evento.es.batch.max.events}, default 1000)
 * @param batchWait         how long a writer waits for more appends before committing a small batch
 *                          ({@code evento.es.batch.wait.micros}, default 0: take what is queued)
 * @param queueCapacity     appends waiting for a writer before appenders get OVERLOADED ({@code evento.es.queue.capacity}, default 10000)
 * @param maxPayloadBytes   largest payload, UTF-8 bytes ({@code evento.es.max.payload.bytes}, default 1 MiB)
 * @param maxMetadataBytes  largest metadata object ({@code evento.es.max.metadata.bytes}, default 64 KiB)
 * @param maxSnapshotBytes  largest snapshot state ({@code evento.es.max.snapshot.bytes}, default 4 MiB)
 * @param maxEventsPerAppend most events in one append request ({@code evento.es.max.events.per.append}, default 1000)
 */
public record EventStoreSettings(EventStoreMode mode, Duration fetchDelay, int writers, int maxBatchEvents,
                                 Duration batchWait, int queueCapacity, int maxPayloadBytes, int maxMetadataBytes,
                                 int maxSnapshotBytes, int maxEventsPerAppend) {

    public EventStoreSettings {
        if (writers < 1 || maxBatchEvents < 1 || queueCapacity < 1 || maxEventsPerAppend < 1) {
            throw new IllegalArgumentException("event store sizes must be positive");
        }
        if (maxEventsPerAppend > maxBatchEvents) {
            throw new IllegalArgumentException("maxEventsPerAppend (" + maxEventsPerAppend
                    + ") cannot exceed maxBatchEvents (" + maxBatchEvents + ")");
        }
    }

    /** The documented defaults in the given mode. */
    public static EventStoreSettings defaults(EventStoreMode mode) {
        return new EventStoreSettings(mode, Duration.ofSeconds(1), 1, 1000, Duration.ZERO, 10_000,
                1 << 20, 64 << 10, 4 << 20, 1000);
    }

    public EventStoreSettings withWriters(int count) {
        return new EventStoreSettings(mode, fetchDelay, count, maxBatchEvents, batchWait, queueCapacity,
                maxPayloadBytes, maxMetadataBytes, maxSnapshotBytes, maxEventsPerAppend);
    }

    public EventStoreSettings withFetchDelay(Duration delay) {
        return new EventStoreSettings(mode, delay, writers, maxBatchEvents, batchWait, queueCapacity,
                maxPayloadBytes, maxMetadataBytes, maxSnapshotBytes, maxEventsPerAppend);
    }

    public EventStoreSettings withBatchWait(Duration wait) {
        return new EventStoreSettings(mode, fetchDelay, writers, maxBatchEvents, wait, queueCapacity,
                maxPayloadBytes, maxMetadataBytes, maxSnapshotBytes, maxEventsPerAppend);
    }
}
