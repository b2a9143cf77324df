package io.evento.server.store.jpa;

import io.evento.server.store.Snapshot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An aggregate's latest snapshot, read only (the JDBC event store saves them). */
@Entity
@Table(name = "evento_snapshot")
class SnapshotEntity {

    @Id
    @Column(name = "aggregate_id")
    private String aggregateId;

    @Column(name = "aggregate_sequence", insertable = false, updatable = false)
    private long aggregateSequence;

    @Column(name = "state", insertable = false, updatable = false)
    private String state;

    @Column(name = "updated_at", insertable = false, updatable = false)
    private OffsetDateTime updatedAt;

    protected SnapshotEntity() {
        // for the provider
    }

    Snapshot toSnapshot() {
        return new Snapshot(aggregateId, aggregateSequence, state, updatedAt.toInstant());
    }
}
