package io.evento.server.store;

/**
 * How the store orders the global stream (configuration key {@code evento.es.mode}). Trade-offs:
 * README.md, "Event store modes"; method: docs/adr/0003-event-order-without-skips.md.
 */
public enum EventStoreMode {
    /**
     * Default. Appends from every instance run in parallel; readers only read events of
     * transactions older than PostgreSQL's oldest running transaction (the snapshot xmin), in
     * (transaction id, position) order. Never skips; a long-running write transaction delays
     * readers (never loses events).
     */
    HORIZON,
    /**
     * Consistent: one global transaction-scoped lock per append batch, dense gap-free positions
     * (max + 1), readers follow the position. Never skips; instances' batches take turns.
     */
    CPES,
    /**
     * Available: time-ordered positions from the database clock, no lock; readers stay
     * {@code evento.es.fetch.delay} behind now. A commit slower than the delay is skipped by
     * readers that already passed it (Evento's original semantics).
     */
    APES
}
