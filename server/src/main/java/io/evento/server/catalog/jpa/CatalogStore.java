package io.evento.server.catalog.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.Hello;
import io.evento.protocol.frame.PayloadInfo;
import io.evento.server.catalog.Registration;
import io.evento.server.catalog.SubjectKind;
import io.evento.server.database.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bundle registrations and descriptions. */
@ApplicationScoped
public class CatalogStore {

    private static final TypeReference<List<ComponentInfo>> COMPONENTS = new TypeReference<>() { };
    private static final TypeReference<List<PayloadInfo>> PAYLOADS = new TypeReference<>() { };

    private Transactions transactions;
    private final ObjectMapper json = new ObjectMapper();

    protected CatalogStore() {
        // for the CDI client proxy
    }

    @Inject
    public CatalogStore(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Records (or replaces) what this version of the bundle registered. */
    public void register(Hello hello) {
        register(hello.bundleId(), hello.bundleVersion(), hello.components(), hello.payloads());
    }

    /** Records (or replaces) what a version of a bundle declares: from its hello, or published before it runs. */
    public void register(String bundleId, long bundleVersion, List<ComponentInfo> componentInfos, List<PayloadInfo> payloadInfos) {
        String components = write(componentInfos);
        String payloads = write(payloadInfos);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        transactions.run(em -> Transactions.save(em, BundleRegistrationEntity.class,
                new BundleRegistrationEntity.Key(bundleId, bundleVersion),
                () -> new BundleRegistrationEntity(bundleId, bundleVersion, components, payloads, now),
                registration -> registration.replace(components, payloads, now)));
    }

    /** Every registration, by bundle and version. */
    public List<Registration> registrations() {
        return transactions.inTransaction(em -> em.createQuery(
                        "SELECT r FROM BundleRegistrationEntity r ORDER BY r.bundleId, r.bundleVersion", BundleRegistrationEntity.class)
                .getResultList().stream().map(this::registration).toList());
    }

    /** Sets a description (blank removes it). */
    public void describe(SubjectKind kind, String name, String description, String by) {
        boolean remove = description == null || description.isBlank();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        transactions.run(em -> {
            DescriptionEntity known = em.find(DescriptionEntity.class, new DescriptionEntity.Key(kind.column(), name));
            if (remove) {
                if (known != null) {
                    em.remove(known);
                }
            } else if (known == null) {
                em.persist(new DescriptionEntity(kind.column(), name, description.strip(), by, now));
            } else {
                known.rewrite(description.strip(), by, now);
            }
        });
    }

    /** Every description, by kind and subject name. */
    public Map<SubjectKind, Map<String, String>> descriptions() {
        Map<SubjectKind, Map<String, String>> all = new HashMap<>();
        for (DescriptionEntity d : transactions.inTransaction(em -> em.createQuery("SELECT d FROM DescriptionEntity d",
                DescriptionEntity.class).getResultList())) {
            all.computeIfAbsent(SubjectKind.parse(d.subjectKind()), k -> new HashMap<>()).put(d.subjectName(), d.description());
        }
        return all;
    }

    private Registration registration(BundleRegistrationEntity row) {
        try {
            return new Registration(row.bundleId(), row.bundleVersion(), json.readValue(row.components(), COMPONENTS),
                    json.readValue(row.payloads(), PAYLOADS), row.registeredAt().toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable bundle registration: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
