package io.evento.server.database.jpa;

import java.util.List;

/**
 * The entities of the persistence unit. They are package-private in their features' {@code jpa}
 * packages, so they are named here rather than referenced.
 */
public final class EntityClasses {

    /** Every entity class of the unit. */
    public static final List<String> NAMES = List.of(
            "io.evento.server.catalog.jpa.BundleRegistrationEntity",
            "io.evento.server.catalog.jpa.DescriptionEntity",
            "io.evento.server.consumer.jpa.ConsumerReportEntity",
            "io.evento.server.telemetry.jpa.HandlerMinuteEntity",
            "io.evento.server.telemetry.jpa.SendMinuteEntity",
            "io.evento.server.status.jpa.ServerStatusEntity",
            "io.evento.server.security.jpa.AdminKeyEntity",
            "io.evento.server.security.jpa.LoginFailureEntity",
            "io.evento.server.publishing.jpa.PublishedBundleEntity",
            "io.evento.server.publishing.jpa.PublishedArtifactEntity",
            "io.evento.server.store.jpa.EventEntity",
            "io.evento.server.store.jpa.SnapshotEntity",
            "io.evento.server.store.jpa.AggregateDeletionEntity");

    private EntityClasses() {
    }
}
