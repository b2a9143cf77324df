package io.evento.server.telemetry.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** Messages one component sent in one minute while handling one payload type ('' outside a handler), per server instance. */
@Entity
@Table(name = "evento_send_minute")
@IdClass(SendMinuteEntity.Key.class)
class SendMinuteEntity {

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
    @Column(name = "handler")
    private String handler;

    @Id
    @Column(name = "payload_type")
    private String payloadType;

    @Column(name = "messages", nullable = false)
    private long messages;

    protected SendMinuteEntity() {
        // for the provider
    }

    SendMinuteEntity(Key key) {
        this.minute = key.minute;
        this.memberId = key.memberId;
        this.bundleId = key.bundleId;
        this.component = key.component;
        this.handler = key.handler;
        this.payloadType = key.payloadType;
    }

    void count(long messages) {
        this.messages = messages;
    }

    /** The primary key (minute, member, bundle, component, handler, payload type). */
    public static class Key implements Serializable {
        private OffsetDateTime minute;
        private String memberId;
        private String bundleId;
        private String component;
        private String handler;
        private String payloadType;

        public Key() {
            // for the provider
        }

        Key(OffsetDateTime minute, String memberId, String bundleId, String component, String handler, String payloadType) {
            this.minute = minute;
            this.memberId = memberId;
            this.bundleId = bundleId;
            this.component = component;
            this.handler = handler;
            this.payloadType = payloadType;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.minute == null ? null : key.minute.toInstant(),
                    minute == null ? null : minute.toInstant()) && Objects.equals(key.memberId, memberId)
                    && Objects.equals(key.bundleId, bundleId) && Objects.equals(key.component, component)
                    && Objects.equals(key.handler, handler) && Objects.equals(key.payloadType, payloadType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(minute == null ? null : minute.toInstant(), memberId, bundleId, component, handler, payloadType);
        }
    }
}
