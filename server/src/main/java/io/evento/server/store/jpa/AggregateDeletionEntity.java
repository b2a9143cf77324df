package io.evento.server.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A deleted aggregate (its stream stays; no command appends to it again), read only. */
@Entity
@Table(name = "evento_aggregate_deletion")
class AggregateDeletionEntity {

    @Id
    @Column(name = "aggregate_id")
    private String aggregateId;

    @Column(name = "aggregate_sequence", insertable = false, updatable = false)
    private long aggregateSequence;

    @Column(name = "deleted_at", insertable = false, updatable = false)
    private OffsetDateTime deletedAt;

    protected AggregateDeletionEntity() {
        // for the provider
    }
}
