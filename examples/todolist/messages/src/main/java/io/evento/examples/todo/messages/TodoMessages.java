package io.evento.examples.todo.messages;

import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;
import io.evento.bundle.api.Query;
import io.evento.bundle.api.View;

import java.util.List;

/** Everything the todo lists domain sends and answers. */
public final class TodoMessages {

    private TodoMessages() {
    }

    // commands
    public record CreateTodoList(String listId, String name, String owner) implements DomainCommand {
        @Override
        public String aggregateId() {
            return listId;
        }
    }

    public record AddTodoItem(String listId, String itemId, String text) implements DomainCommand {
        @Override
        public String aggregateId() {
            return listId;
        }
    }

    public record CheckTodoItem(String listId, String itemId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return listId;
        }
    }

    public record RemoveTodoItem(String listId, String itemId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return listId;
        }
    }

    public record DeleteTodoList(String listId, String reason) implements DomainCommand {
        @Override
        public String aggregateId() {
            return listId;
        }
    }

    // events
    public record TodoListCreated(String listId, String name, String owner) implements DomainEvent {
    }

    public record TodoItemAdded(String listId, String itemId, String text) implements DomainEvent {
    }

    public record TodoItemChecked(String listId, String itemId) implements DomainEvent {
    }

    public record TodoItemRemoved(String listId, String itemId) implements DomainEvent {
    }

    public record TodoListDeleted(String listId, String owner, String reason) implements DomainEvent {
    }

    // views and queries
    public record TodoItemView(String itemId, String text, boolean checked) {
    }

    public record TodoListView(String listId, String name, String owner, List<TodoItemView> items) implements View {
    }

    public record TodoListSummary(String listId, String name, String owner, int items, int checked) implements View {
    }

    public record GetTodoList(String listId) implements Query<TodoListView> {
    }

    /** Lists whose name contains the text (case-insensitive), page by page (0-based), newest first. */
    public record SearchTodoLists(String nameContains, int page, int size) implements Query<TodoListSummary> {
    }
}
