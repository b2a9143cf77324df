package io.evento.server.publishing.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.publish.BundleDescription;
import io.evento.server.database.Transactions;
import io.evento.server.publishing.PublishedBundle;
import io.evento.server.publishing.RunSettings;
import io.evento.server.publishing.Upload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Published bundle versions in PostgreSQL: a version is written once, with its artifact, in one transaction. */
@ApplicationScoped
public class PublishedBundleStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Transactions transactions;

    protected PublishedBundleStore() {
        // for the CDI client proxy
    }

    @Inject
    public PublishedBundleStore(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Stores a new version; ALREADY_PUBLISHED when it exists (versions never change). */
    public PublishedBundle publish(Upload upload, String by) {
        BundleDescription description = upload.description();
        return transactions.inTransaction(em -> {
            if (em.find(PublishedBundleEntity.class, new BundleKey(description.bundleId(), description.bundleVersion())) != null) {
                throw new EventoException(ErrorCode.ALREADY_PUBLISHED, "bundle " + description.bundleId() + " version "
                        + description.bundleVersion() + " is published already; bump the version (evento update-version) and publish again");
            }
            PublishedBundleEntity entity = new PublishedBundleEntity();
            entity.bundleId = description.bundleId();
            entity.bundleVersion = description.bundleVersion();
            entity.description = write(description);
            entity.componentCount = description.components().size();
            entity.artifactName = upload.artifactName();
            entity.artifactBytes = upload.artifact().length;
            entity.artifactSha256 = upload.sha256();
            entity.publishedBy = by;
            entity.publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
            entity.settings = write(RunSettings.NONE);
            em.persist(entity);
            em.flush();
            em.persist(new PublishedArtifactEntity(entity.bundleId, entity.bundleVersion, upload.artifact()));
            return view(entity);
        });
    }

    /** Every version, by bundle and version. */
    public List<PublishedBundle> all() {
        return transactions.inTransaction(em -> em.createQuery(
                "SELECT b FROM PublishedBundleEntity b ORDER BY b.bundleId, b.bundleVersion", PublishedBundleEntity.class)
                .getResultList().stream().map(PublishedBundleStore::view).toList());
    }

    public Optional<PublishedBundle> find(String bundleId, long version) {
        return transactions.inTransaction(em -> Optional.ofNullable(em.find(PublishedBundleEntity.class, new BundleKey(bundleId, version)))
                .map(PublishedBundleStore::view));
    }

    public Optional<BundleDescription> description(String bundleId, long version) {
        return transactions.inTransaction(em -> Optional.ofNullable(em.find(PublishedBundleEntity.class, new BundleKey(bundleId, version)))
                .map(e -> read(e.description, BundleDescription.class)));
    }

    public Optional<byte[]> artifact(String bundleId, long version) {
        return transactions.inTransaction(em -> Optional.ofNullable(em.find(PublishedArtifactEntity.class, new BundleKey(bundleId, version)))
                .map(a -> a.content));
    }

    /** Replaces the run settings of a version; empty when it does not exist. */
    public Optional<PublishedBundle> configure(String bundleId, long version, RunSettings settings) {
        return transactions.inTransaction(em -> Optional.ofNullable(em.find(PublishedBundleEntity.class, new BundleKey(bundleId, version)))
                .map(e -> {
                    e.settings = write(settings);
                    return view(e);
                }));
    }

    /** Deletes a version and its artifact; false when it does not exist. */
    public boolean delete(String bundleId, long version) {
        return transactions.inTransaction(em -> {
            PublishedArtifactEntity artifact = em.find(PublishedArtifactEntity.class, new BundleKey(bundleId, version));
            if (artifact != null) {
                em.remove(artifact);
                em.flush();
            }
            PublishedBundleEntity entity = em.find(PublishedBundleEntity.class, new BundleKey(bundleId, version));
            if (entity == null) {
                return false;
            }
            em.remove(entity);
            return true;
        });
    }

    private static PublishedBundle view(PublishedBundleEntity e) {
        return new PublishedBundle(e.bundleId, e.bundleVersion, e.artifactName, e.artifactBytes, e.artifactSha256, e.componentCount,
                e.publishedBy, e.publishedAt.toInstant(), read(e.settings, RunSettings.class));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
