package io.evento.examples.todo.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Projector;
import io.evento.bundle.api.AfterCommit;
import io.evento.bundle.api.EventInfo;
import io.evento.examples.todo.lists.TodoMessages.TodoItemAdded;
import io.evento.examples.todo.lists.TodoMessages.TodoItemChecked;
import io.evento.examples.todo.lists.TodoMessages.TodoItemRemoved;
import io.evento.examples.todo.lists.TodoMessages.TodoListCreated;
import io.evento.examples.todo.lists.TodoMessages.TodoListDeleted;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Writes the read model through the consumer state store's transaction (read model and position
 * commit together: no event is applied twice, none is lost), then announces the changed list once
 * the transaction committed (save, then notify).
 */
@Projector(version = 1)
public class TodoListProjector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ListUpdates updates;

    public TodoListProjector(ListUpdates updates) {
        this.updates = updates;
    }

    @EventHandler
    void on(TodoListCreated event, EventInfo info, Connection connection, AfterCommit afterCommit) throws SQLException {
        TodoReadModel.createTables(connection);
        TodoReadModel.insertList(connection, event.listId(), event.name(), event.owner(), info.timestamp());
        announce(connection, event.listId(), afterCommit);
    }

    @EventHandler
    void on(TodoItemAdded event, Connection connection, AfterCommit afterCommit) throws SQLException {
        TodoReadModel.insertItem(connection, event.listId(), event.itemId(), event.text());
        announce(connection, event.listId(), afterCommit);
    }

    @EventHandler
    void on(TodoItemChecked event, Connection connection, AfterCommit afterCommit) throws SQLException {
        TodoReadModel.checkItem(connection, event.listId(), event.itemId());
        announce(connection, event.listId(), afterCommit);
    }

    @EventHandler
    void on(TodoItemRemoved event, Connection connection, AfterCommit afterCommit) throws SQLException {
        TodoReadModel.deleteItem(connection, event.listId(), event.itemId());
        announce(connection, event.listId(), afterCommit);
    }

    @EventHandler
    void on(TodoListDeleted event, Connection connection, AfterCommit afterCommit) throws SQLException {
        TodoReadModel.deleteList(connection, event.listId());
        String notice = json(Map.of("listId", event.listId(), "deleted", true, "reason", event.reason()));
        afterCommit.run(() -> updates.changed(event.listId(), notice));
    }

    private void announce(Connection connection, String listId, AfterCommit afterCommit) throws SQLException {
        String view = TodoReadModel.list(connection, listId).map(TodoListProjector::json).orElse(null);
        if (view != null) {
            afterCommit.run(() -> updates.changed(listId, view));
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
