package io.evento.server.status.jpa;

import io.evento.server.database.Transactions;
import io.evento.server.status.ServerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The status rows of the server instances; rows not refreshed for a day are dropped. */
@ApplicationScoped
public class ServerStatusStore {

    static final Duration KEPT = Duration.ofDays(1);

    private Transactions transactions;

    protected ServerStatusStore() {
        // for the CDI client proxy
    }

    @Inject
    public ServerStatusStore(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Writes this instance's row and drops the rows of instances gone for a day. */
    public void publish(ServerStatus status) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        transactions.run(em -> {
            Transactions.save(em, ServerStatusEntity.class, status.memberId(), () -> new ServerStatusEntity(status.memberId()),
                    row -> row.publish(status, now));
            em.createQuery("DELETE FROM ServerStatusEntity s WHERE s.reportedAt < :cutoff").setParameter("cutoff", now.minus(KEPT))
                    .executeUpdate();
        });
    }

    /** Every instance's last status, by member id. */
    public List<ServerStatus> all() {
        return transactions.inTransaction(em -> em.createQuery("SELECT s FROM ServerStatusEntity s ORDER BY s.memberId",
                ServerStatusEntity.class).getResultList().stream().map(ServerStatusEntity::status).toList());
    }
}
