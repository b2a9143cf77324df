package io.evento.examples.todo.lists;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.bundle.api.AggregateState;
import io.evento.examples.todo.messages.Texts;
import io.evento.examples.todo.messages.TodoMessages.AddTodoItem;
import io.evento.examples.todo.messages.TodoMessages.CheckTodoItem;
import io.evento.examples.todo.messages.TodoMessages.CreateTodoList;
import io.evento.examples.todo.messages.TodoMessages.DeleteTodoList;
import io.evento.examples.todo.messages.TodoMessages.RemoveTodoItem;
import io.evento.examples.todo.messages.TodoMessages.TodoItemAdded;
import io.evento.examples.todo.messages.TodoMessages.TodoItemChecked;
import io.evento.examples.todo.messages.TodoMessages.TodoItemRemoved;
import io.evento.examples.todo.messages.TodoMessages.TodoListCreated;
import io.evento.examples.todo.messages.TodoMessages.TodoListDeleted;

import java.util.HashMap;
import java.util.Map;

/**
 * A todo list. Rules: a name of 1 to 100 characters, item texts of 1 to 500, at most 1000 items,
 * item ids unique in the list, only existing items can be checked (once) or removed; a deleted
 * list takes no more commands (the platform answers AGGREGATE_DELETED).
 */
@Aggregate(snapshotFrequency = 20)
public class TodoListAggregate {

    static final int MAX_ITEMS = 1000;

    /** The list as the rules need it: its owner and each item's checked flag. */
    public record State(String owner, Map<String, Boolean> items, boolean deleted) implements AggregateState {
    }

    @AggregateCommandHandler(init = true)
    TodoListCreated handle(CreateTodoList command) {
        String name = Texts.require(command.name(), "list name", 100);
        String owner = Texts.require(command.owner(), "owner", 100);
        return new TodoListCreated(command.listId(), name, owner);
    }

    @AggregateCommandHandler
    TodoItemAdded handle(AddTodoItem command, State state) {
        String text = Texts.require(command.text(), "item text", 500);
        Texts.require(command.itemId(), "item id", 100);
        if (state.items().containsKey(command.itemId())) {
            throw new IllegalArgumentException("item " + command.itemId() + " is already on the list");
        }
        if (state.items().size() >= MAX_ITEMS) {
            throw new IllegalStateException("a list holds at most " + MAX_ITEMS + " items");
        }
        return new TodoItemAdded(command.listId(), command.itemId(), text);
    }

    @AggregateCommandHandler
    TodoItemChecked handle(CheckTodoItem command, State state) {
        Boolean checked = state.items().get(command.itemId());
        if (checked == null) {
            throw new IllegalArgumentException("no item " + command.itemId() + " on the list");
        }
        if (checked) {
            throw new IllegalStateException("item " + command.itemId() + " is already checked");
        }
        return new TodoItemChecked(command.listId(), command.itemId());
    }

    @AggregateCommandHandler
    TodoItemRemoved handle(RemoveTodoItem command, State state) {
        if (!state.items().containsKey(command.itemId())) {
            throw new IllegalArgumentException("no item " + command.itemId() + " on the list");
        }
        return new TodoItemRemoved(command.listId(), command.itemId());
    }

    @AggregateCommandHandler
    TodoListDeleted handle(DeleteTodoList command, State state) {
        return new TodoListDeleted(command.listId(), state.owner(), command.reason() == null ? "deleted by its owner" : command.reason());
    }

    @EventSourcingHandler
    State on(TodoListCreated event) {
        return new State(event.owner(), Map.of(), false);
    }

    @EventSourcingHandler
    State on(TodoItemAdded event, State state) {
        Map<String, Boolean> items = new HashMap<>(state.items());
        items.put(event.itemId(), false);
        return new State(state.owner(), items, false);
    }

    @EventSourcingHandler
    State on(TodoItemChecked event, State state) {
        Map<String, Boolean> items = new HashMap<>(state.items());
        items.put(event.itemId(), true);
        return new State(state.owner(), items, false);
    }

    @EventSourcingHandler
    State on(TodoItemRemoved event, State state) {
        Map<String, Boolean> items = new HashMap<>(state.items());
        items.remove(event.itemId());
        return new State(state.owner(), items, false);
    }

    @EventSourcingHandler
    State on(TodoListDeleted event, State state) {
        return new State(state.owner(), state.items(), true);
    }
}
