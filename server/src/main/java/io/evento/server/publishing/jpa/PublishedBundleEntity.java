package io.evento.server.publishing.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A published bundle version: its description, artifact facts and run settings (JSON columns). */
@Entity
@Table(name = "evento_published_bundle")
@IdClass(BundleKey.class)
class PublishedBundleEntity {

    @Id
    @Column(name = "bundle_id")
    String bundleId;

    @Id
    @Column(name = "bundle_version")
    long bundleVersion;

    @Column(name = "description", nullable = false)
    String description;

    @Column(name = "component_count", nullable = false)
    int componentCount;

    @Column(name = "artifact_name", nullable = false)
    String artifactName;

    @Column(name = "artifact_bytes", nullable = false)
    long artifactBytes;

    @Column(name = "artifact_sha256", nullable = false)
    String artifactSha256;

    @Column(name = "published_by", nullable = false)
    String publishedBy;

    @Column(name = "published_at", nullable = false)
    OffsetDateTime publishedAt;

    @Column(name = "settings", nullable = false)
    String settings;

    protected PublishedBundleEntity() {
        // for the provider
    }
}
