package io.evento.server.store;

import java.util.List;
import java.util.Optional;

/**
 * The System State Store. Implementations: {@code memory.InMemoryEventStore},
 * {@code jdbc.PostgresEventStore}; both pass the same contract suite.
 *
 * <p>Failures are {@link io.evento.protocol.EventoException}s: {@code CONCURRENCY_CONFLICT} when an
 * aggregate's last sequence is not the expected one, {@code AGGREGATE_DELETED}, {@code EVENT_ID_REUSED},
 * {@code INVALID_REQUEST}, {@code INVALID_JSON}, {@code PAYLOAD_TOO_LARGE}. A failed append writes nothing.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Appends the requests atomically: all of them or none.
     *
     * @return one result per request, in order
     */
    List<AppendResult> append(List<AppendRequest> requests);

    /**
     * Appends without blocking the caller where the implementation can (group commit); the future
     * fails with the same {@link io.evento.protocol.EventoException}s as {@link #append(List)}.
     */
    default java.util.concurrent.CompletableFuture<List<AppendResult>> appendAsync(List<AppendRequest> requests) {
        try {
            return java.util.concurrent.CompletableFuture.completedFuture(append(requests));
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /** The stored event with this id. */
    Optional<StoredEvent> readEvent(String eventId);

    /** Appends one request. */
    default AppendResult append(AppendRequest request) {
        return append(List.of(request)).get(0);
    }

    /** The aggregate's latest snapshot and the events after it. */
    AggregateStory readAggregate(String aggregateId);

    /**
     * The aggregate's story, and the event with {@code eventId} if it is stored already, in one
     * read (a domain command's repetition is found before its handler runs again).
     */
    default CommandStory readStory(String aggregateId, String eventId) {
        return new CommandStory(readAggregate(aggregateId), readEvent(eventId));
    }

    /**
     * Up to {@code limit} events after {@code after} that match the filter, in global order. Never
     * returns an event that a later call could find before it.
     */
    EventBatch readAfter(StreamPosition after, EventFilter filter, int limit);

    /** Up to {@code limit} events of one aggregate with a sequence above {@code afterSequence}, by sequence (browsing). */
    List<StoredEvent> readAggregateEvents(String aggregateId, long afterSequence, int limit);

    /** How many events of any type readers can read after the position now, counting at most {@code cap}. */
    long countAfter(StreamPosition after, long cap);

    /** Snapshots whose aggregate id contains the text (all for empty), by aggregate id, a page of them. */
    List<Snapshot> listSnapshots(String aggregateIdContains, int offset, int limit);

    /** How many snapshots {@link #listSnapshots} finds in all. */
    long countSnapshots(String aggregateIdContains);

    /** Saves a snapshot unless a newer one is stored. */
    void saveSnapshot(String aggregateId, long sequence, String state);

    /** The aggregate's latest snapshot. */
    Optional<Snapshot> loadSnapshot(String aggregateId);

    /** The position of the last event readers can read now ({@link StreamPosition#START} when empty). */
    StreamPosition head();

    /** Marks the aggregate deleted: its stream stays, later commands fail. */
    void deleteAggregate(String aggregateId);

    /** The ordering mode. */
    EventStoreMode mode();

    @Override
    void close();
}
