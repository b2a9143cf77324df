package io.evento.examples.todo.audit;

import io.evento.bundle.annotation.CommandHandler;
import io.evento.bundle.annotation.Service;
import io.evento.examples.todo.messages.AuditMessages.AuditRecorded;
import io.evento.examples.todo.messages.AuditMessages.RecordAudit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Keeps the audit trail and records each entry as a service event; the entry is saved in its own JTA transaction. */
@Service
public class AuditService {

    @PersistenceContext(unitName = "users")
    EntityManager entities;

    @CommandHandler
    @Transactional
    AuditRecorded handle(RecordAudit command) {
        entities.persist(new AuditEntryRow(command.listId(), command.entry()));
        return new AuditRecorded(command.listId(), command.entry());
    }
}
