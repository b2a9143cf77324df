package io.evento.server.consumer.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** The last report of one consumer, from the bundle instance that runs it (its status as a JSON document). */
@Entity
@Table(name = "evento_consumer_report")
class ConsumerReportEntity {

    @Id
    @Column(name = "consumer_id")
    private String consumerId;

    @Column(name = "bundle_id", nullable = false)
    private String bundleId;

    @Column(name = "instance_id", nullable = false)
    private String instanceId;

    @Column(name = "member_id", nullable = false)
    private String memberId;

    @Column(name = "connection_key", nullable = false)
    private String connectionKey;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "reported_at", nullable = false)
    private OffsetDateTime reportedAt;

    protected ConsumerReportEntity() {
        // for the provider
    }

    ConsumerReportEntity(String consumerId) {
        this.consumerId = consumerId;
    }

    void report(String bundleId, String instanceId, String memberId, String connectionKey, String status, OffsetDateTime reportedAt) {
        this.bundleId = bundleId;
        this.instanceId = instanceId;
        this.memberId = memberId;
        this.connectionKey = connectionKey;
        this.status = status;
        this.reportedAt = reportedAt;
    }

    String bundleId() {
        return bundleId;
    }

    String instanceId() {
        return instanceId;
    }

    String memberId() {
        return memberId;
    }

    String connectionKey() {
        return connectionKey;
    }

    String status() {
        return status;
    }

    OffsetDateTime reportedAt() {
        return reportedAt;
    }
}
