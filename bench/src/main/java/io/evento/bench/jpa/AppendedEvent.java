package io.evento.bench.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * An event row as a JPA event store would append it: the position from the store's sequence (one
 * value per row), the aggregate's sequence checked by the table's unique constraint, the transaction
 * id and the creation time from the column defaults.
 */
@Entity
@Table(name = "evento_event")
public class AppendedEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "position")
    @SequenceGenerator(name = "position", sequenceName = "evento_event_position_seq", allocationSize = 1)
    @Column(name = "position")
    private long position;

    @Column(name = "event_id", nullable = false)
    private String eventId;

    @Column(name = "aggregate_id")
    private String aggregateId;

    @Column(name = "aggregate_sequence")
    private Long aggregateSequence;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(name = "context", nullable = false)
    private String context;

    @Column(name = "payload", nullable = false)
    private String payload;

    @Column(name = "metadata", nullable = false)
    private String metadata;

    protected AppendedEvent() {
        // for the provider
    }

    public AppendedEvent(String eventId, String aggregateId, long aggregateSequence, String eventType, String payload) {
        this.eventId = eventId;
        this.aggregateId = aggregateId;
        this.aggregateSequence = aggregateSequence;
        this.eventType = eventType;
        this.context = "default";
        this.payload = payload;
        this.metadata = "{}";
    }
}
