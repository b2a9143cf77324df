package io.evento.examples.todo.messages;

import io.evento.bundle.api.Query;
import io.evento.bundle.api.ServiceCommand;
import io.evento.bundle.api.ServiceEvent;
import io.evento.bundle.api.View;

/** The audit messages. */
public final class AuditMessages {

    private AuditMessages() {
    }

    public record RecordAudit(String listId, String entry) implements ServiceCommand {
        @Override
        public String lockId() {
            return listId;
        }
    }

    public record AuditRecorded(String listId, String entry) implements ServiceEvent {
    }

    public record AuditEntry(String entry) implements View {
    }

    public record GetAuditTrail(String listId) implements Query<AuditEntry> {
    }
}
