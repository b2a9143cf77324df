package io.evento.examples.todo.audit;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Observer;
import io.evento.bundle.api.CommandGateway;
import io.evento.examples.todo.messages.AuditMessages.RecordAudit;
import io.evento.examples.todo.messages.TodoMessages.TodoItemChecked;
import io.evento.examples.todo.messages.TodoMessages.TodoListDeleted;

/** Extends the lists' behaviour without touching them: checks and deletions are audited. */
@Observer(version = 1)
public class AuditObserver {

    @EventHandler
    void on(TodoItemChecked event, CommandGateway commands) {
        commands.sendAndWait(new RecordAudit(event.listId(), "item " + event.itemId() + " checked"));
    }

    @EventHandler
    void on(TodoListDeleted event, CommandGateway commands) {
        commands.sendAndWait(new RecordAudit(event.listId(), "list deleted: " + event.reason()));
    }
}
