package io.evento.bundle.state;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Positions, leases, saga states and dead events of a bundle's consumers. Implementations:
 * {@code memory.InMemoryConsumerStateStore}, {@code jdbc.JdbcConsumerStateStore} for PostgreSQL
 * and MySQL/MariaDB; all pass one contract suite. Lease times use the store's clock.
 */
public interface ConsumerStateStore extends AutoCloseable {

    /** Takes the consumer's lease if it is free, expired, or already this owner's (the epoch grows when it changes hands). */
    Optional<Lease> acquire(String consumerId, String owner, Duration ttl);

    /** Extends the lease; false when it is not held any more. */
    boolean renew(Lease lease, Duration ttl);

    /** Gives the lease up (another instance may take it at once). */
    void release(Lease lease);

    /** The consumer's last processed position, if it ever saved one. */
    Optional<String> position(String consumerId);

    /** Runs the work in one transaction fenced by the lease: all its writes or none. */
    <T> T inTransaction(Lease lease, Work<T> work);

    /** The consumer's dead events, oldest first. */
    List<DeadEvent> deadEvents(String consumerId);

    /** Flags a dead event for another attempt; false when there is no such dead event. */
    boolean flagForRetry(String consumerId, String eventId);

    /** Deletes a dead event; false when there is no such dead event. */
    boolean discard(String consumerId, String eventId);

    /** Sets a consumer's position (administration: replay); leases are untouched. */
    void resetPosition(String consumerId, String position);

    @Override
    default void close() {
    }

    /** The work of a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(ConsumerTransaction transaction) throws Exception;
    }
}
