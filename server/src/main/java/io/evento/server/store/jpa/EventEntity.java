package io.evento.server.store.jpa;

import io.evento.server.store.StoredEvent;
import io.evento.server.store.StreamPosition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A stored event, read only (the JDBC event store appends). */
@Entity
@Table(name = "evento_event")
class EventEntity {

    @Id
    @Column(name = "position")
    private long position;

    @Column(name = "tx_id", insertable = false, updatable = false)
    private long txId;

    @Column(name = "event_id", insertable = false, updatable = false)
    private String eventId;

    @Column(name = "aggregate_id", insertable = false, updatable = false)
    private String aggregateId;

    @Column(name = "aggregate_sequence", insertable = false, updatable = false)
    private Long aggregateSequence;

    @Column(name = "event_type", insertable = false, updatable = false)
    private String eventType;

    @Column(name = "context", insertable = false, updatable = false)
    private String context;

    @Column(name = "payload", insertable = false, updatable = false)
    private String payload;

    @Column(name = "metadata", insertable = false, updatable = false)
    private String metadata;

    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected EventEntity() {
        // for the provider
    }

    /** The event with its place in the stream as the store's mode orders it ({@code tx} only in HORIZON). */
    StoredEvent toStored(boolean horizon) {
        return new StoredEvent(new StreamPosition(horizon ? txId : 0, position), eventId, aggregateId,
                aggregateSequence == null ? 0 : aggregateSequence, eventType, context, payload, metadata, createdAt.toInstant());
    }
}
