package io.evento.server.telemetry.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One handler's invocations in one minute, as one server instance counted them (only it writes the row). */
@Entity
@Table(name = "evento_handler_minute")
@IdClass(HandlerMinuteEntity.Key.class)
class HandlerMinuteEntity {

    @Id
    @Column(name = "minute")
    private OffsetDateTime minute;

    @Id
    @Column(name = "member_id")
    private String memberId;

    @Id
    @Column(name = "bundle_id")
    private String bundleId;

    @Id
    @Column(name = "component")
    private String component;

    @Id
    @Column(name = "payload_type")
    private String payloadType;

    @Column(name = "invocations", nullable = false)
    private long invocations;

    @Column(name = "failures", nullable = false)
    private long failures;

    @Column(name = "total_millis", nullable = false)
    private double totalMillis;

    @Column(name = "max_millis", nullable = false)
    private double maxMillis;

    protected HandlerMinuteEntity() {
        // for the provider
    }

    HandlerMinuteEntity(Key key) {
        this.minute = key.minute;
        this.memberId = key.memberId;
        this.bundleId = key.bundleId;
        this.component = key.component;
        this.payloadType = key.payloadType;
    }

    void count(long invocations, long failures, double totalMillis, double maxMillis) {
        this.invocations = invocations;
        this.failures = failures;
        this.totalMillis = totalMillis;
        this.maxMillis = maxMillis;
    }

    /** The primary key (minute, member, bundle, component, payload type). */
    public static class Key implements Serializable {
        private OffsetDateTime minute;
        private String memberId;
        private String bundleId;
        private String component;
        private String payloadType;

        public Key() {
            // for the provider
        }

        Key(OffsetDateTime minute, String memberId, String bundleId, String component, String payloadType) {
            this.minute = minute;
            this.memberId = memberId;
            this.bundleId = bundleId;
            this.component = component;
            this.payloadType = payloadType;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.minute == null ? null : key.minute.toInstant(),
                    minute == null ? null : minute.toInstant()) && Objects.equals(key.memberId, memberId)
                    && Objects.equals(key.bundleId, bundleId) && Objects.equals(key.component, component)
                    && Objects.equals(key.payloadType, payloadType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(minute == null ? null : minute.toInstant(), memberId, bundleId, component, payloadType);
        }
    }
}
