package io.evento.server.publishing.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The artifact of a published bundle version. */
@Entity
@Table(name = "evento_published_artifact")
@IdClass(BundleKey.class)
class PublishedArtifactEntity {

    @Id
    @Column(name = "bundle_id")
    String bundleId;

    @Id
    @Column(name = "bundle_version")
    long bundleVersion;

    @Column(name = "content", nullable = false)
    byte[] content;

    protected PublishedArtifactEntity() {
        // for the provider
    }

    PublishedArtifactEntity(String bundleId, long bundleVersion, byte[] content) {
        this.bundleId = bundleId;
        this.bundleVersion = bundleVersion;
        this.content = content;
    }
}
