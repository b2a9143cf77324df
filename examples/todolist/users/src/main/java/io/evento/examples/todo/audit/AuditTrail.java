package io.evento.examples.todo.audit;

import io.evento.bundle.annotation.Projection;
import io.evento.bundle.annotation.QueryHandler;
import io.evento.examples.todo.messages.AuditMessages.AuditEntry;
import io.evento.examples.todo.messages.AuditMessages.GetAuditTrail;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** The trail of a list, oldest first. */
@Projection
public class AuditTrail {

    @PersistenceContext(unitName = "users")
    EntityManager entities;

    @QueryHandler
    List<AuditEntry> handle(GetAuditTrail query) {
        return entities.createQuery("SELECT a FROM AuditEntryRow a WHERE a.listId = :list ORDER BY a.id", AuditEntryRow.class)
                .setParameter("list", query.listId()).getResultStream().map(row -> new AuditEntry(row.entry())).toList();
    }
}
