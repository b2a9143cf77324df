package io.evento.examples.todo.lists;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Projector;
import io.evento.bundle.api.AfterCommit;
import io.evento.bundle.api.EventInfo;
import io.evento.examples.todo.messages.TodoMessages.TodoItemAdded;
import io.evento.examples.todo.messages.TodoMessages.TodoItemChecked;
import io.evento.examples.todo.messages.TodoMessages.TodoItemRemoved;
import io.evento.examples.todo.messages.TodoMessages.TodoListCreated;
import io.evento.examples.todo.messages.TodoMessages.TodoListDeleted;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.ZoneOffset;
import java.util.Map;

/**
 * Keeps the read model's entities in step with the lists' events. Each event runs in one JTA
 * transaction with the projector's position: applied once, never lost. A changed list is announced
 * once that transaction committed (save, then notify).
 */
@Projector(version = 1)
public class TodoListProjector {

    @PersistenceContext(unitName = "todo")
    EntityManager entities;
    @Inject
    ListUpdates updates;

    @EventHandler
    void on(TodoListCreated event, EventInfo info, AfterCommit afterCommit) {
        TodoListRow list = new TodoListRow(event.listId(), event.name(), event.owner(), info.timestamp().atOffset(ZoneOffset.UTC));
        entities.persist(list);
        announce(list, afterCommit);
    }

    @EventHandler
    void on(TodoItemAdded event, AfterCommit afterCommit) {
        TodoListRow list = entities.find(TodoListRow.class, event.listId());
        list.add(event.itemId(), event.text());
        announce(list, afterCommit);
    }

    @EventHandler
    void on(TodoItemChecked event, AfterCommit afterCommit) {
        TodoListRow list = entities.find(TodoListRow.class, event.listId());
        list.check(event.itemId());
        announce(list, afterCommit);
    }

    @EventHandler
    void on(TodoItemRemoved event, AfterCommit afterCommit) {
        TodoListRow list = entities.find(TodoListRow.class, event.listId());
        list.remove(event.itemId());
        announce(list, afterCommit);
    }

    @EventHandler
    void on(TodoListDeleted event, AfterCommit afterCommit) {
        entities.remove(entities.find(TodoListRow.class, event.listId()));
        afterCommit.run(() -> updates.changed(event.listId(), Map.of("listId", event.listId(), "deleted", true, "reason", event.reason())));
    }

    private void announce(TodoListRow list, AfterCommit afterCommit) {
        Object view = list.view();
        afterCommit.run(() -> updates.changed(list.listId(), view));
    }
}
