package io.evento.server.store;

import java.util.List;
import java.util.Optional;

/**
 * Events of one stream to append atomically: an aggregate's next events with the optimistic check,
 * or service events (no aggregate, no check).
 *
 * @param aggregateId      the aggregate, or null for service events
 * @param expectedSequence the aggregate's last sequence the writer saw (0: the aggregate is new);
 *                         ignored for service events
 * @param events           the events, at least one
 * @param snapshot         a snapshot to save in the same transaction (its sequence covers these events)
 * @param deleteAggregate  mark the aggregate deleted after these events
 */
public record AppendRequest(String aggregateId, long expectedSequence, List<NewEvent> events,
                            Optional<SnapshotState> snapshot, boolean deleteAggregate) {

    public AppendRequest {
        events = events == null ? null : List.copyOf(events);
        snapshot = snapshot == null ? Optional.empty() : snapshot;
    }

    /** Events of an aggregate whose last sequence is {@code expectedSequence}. */
    public static AppendRequest toAggregate(String aggregateId, long expectedSequence, List<NewEvent> events) {
        return new AppendRequest(aggregateId, expectedSequence, events, Optional.empty(), false);
    }

    /** Service events: no aggregate, no optimistic check. */
    public static AppendRequest serviceEvents(List<NewEvent> events) {
        return new AppendRequest(null, 0, events, Optional.empty(), false);
    }

    public AppendRequest withSnapshot(SnapshotState state) {
        return new AppendRequest(aggregateId, expectedSequence, events, Optional.of(state), deleteAggregate);
    }

    public AppendRequest deletingAggregate() {
        return new AppendRequest(aggregateId, expectedSequence, events, snapshot, true);
    }

    public boolean isAggregate() {
        return aggregateId != null;
    }

    /** The aggregate sequence of the last event once appended. */
    public long lastSequence() {
        return expectedSequence + events.size();
    }

    /**
     * A snapshot's content; its sequence is the last event of the request.
     *
     * @param state JSON text of the aggregate state
     */
    public record SnapshotState(String state) {
    }
}
