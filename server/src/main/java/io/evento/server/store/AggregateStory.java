package io.evento.server.store;

import java.util.List;
import java.util.Optional;

/**
 * What a handler needs to rebuild an aggregate: its latest snapshot and the events after it.
 *
 * @param aggregateId  the aggregate
 * @param snapshot     the latest snapshot, if any
 * @param events       events after the snapshot (all events when there is none), by sequence
 * @param lastSequence the aggregate's last sequence (0: no event yet)
 * @param deleted      whether the aggregate was deleted
 */
public record AggregateStory(String aggregateId, Optional<Snapshot> snapshot, List<StoredEvent> events,
                             long lastSequence, boolean deleted) {

    public AggregateStory {
        events = List.copyOf(events);
    }

    public boolean exists() {
        return lastSequence > 0;
    }
}
