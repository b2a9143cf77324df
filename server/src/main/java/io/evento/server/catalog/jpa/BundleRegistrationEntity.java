package io.evento.server.catalog.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** The latest hello of one bundle version: its components and payload types as JSON documents. */
@Entity
@Table(name = "evento_bundle_registration")
@IdClass(BundleRegistrationEntity.Key.class)
class BundleRegistrationEntity {

    @Id
    @Column(name = "bundle_id")
    private String bundleId;

    @Id
    @Column(name = "bundle_version")
    private long bundleVersion;

    @Column(name = "components", nullable = false)
    private String components;

    @Column(name = "payloads", nullable = false)
    private String payloads;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    protected BundleRegistrationEntity() {
        // for the provider
    }

    BundleRegistrationEntity(String bundleId, long bundleVersion, String components, String payloads, OffsetDateTime registeredAt) {
        this.bundleId = bundleId;
        this.bundleVersion = bundleVersion;
        this.components = components;
        this.payloads = payloads;
        this.registeredAt = registeredAt;
    }

    void replace(String components, String payloads, OffsetDateTime registeredAt) {
        this.components = components;
        this.payloads = payloads;
        this.registeredAt = registeredAt;
    }

    String bundleId() {
        return bundleId;
    }

    long bundleVersion() {
        return bundleVersion;
    }

    String components() {
        return components;
    }

    String payloads() {
        return payloads;
    }

    OffsetDateTime registeredAt() {
        return registeredAt;
    }

    /** The primary key (bundle id, version). */
    public static class Key implements Serializable {
        private String bundleId;
        private long bundleVersion;

        public Key() {
            // for the provider
        }

        Key(String bundleId, long bundleVersion) {
            this.bundleId = bundleId;
            this.bundleVersion = bundleVersion;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.bundleVersion == bundleVersion && Objects.equals(key.bundleId, bundleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(bundleId, bundleVersion);
        }
    }
}
