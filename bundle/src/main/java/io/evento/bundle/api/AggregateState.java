package io.evento.bundle.api;

/**
 * The state an aggregate rebuilds from its events. When the state after an event says
 * {@link #deleted()}, the aggregate is deleted: later commands on it fail with AGGREGATE_DELETED.
 */
public interface AggregateState {

    default boolean deleted() {
        return false;
    }
}
