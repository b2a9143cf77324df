package io.evento.examples.todo.api;

import io.evento.bundle.annotation.Invoker;
import io.evento.bundle.annotation.Track;
import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.QueryGateway;
import io.evento.examples.todo.messages.AuditMessages.AuditEntry;
import io.evento.examples.todo.messages.AuditMessages.GetAuditTrail;
import io.evento.examples.todo.messages.TodoMessages.AddTodoItem;
import io.evento.examples.todo.messages.TodoMessages.CheckTodoItem;
import io.evento.examples.todo.messages.TodoMessages.CreateTodoList;
import io.evento.examples.todo.messages.TodoMessages.DeleteTodoList;
import io.evento.examples.todo.messages.TodoMessages.GetTodoList;
import io.evento.examples.todo.messages.TodoMessages.RemoveTodoItem;
import io.evento.examples.todo.messages.TodoMessages.SearchTodoLists;
import io.evento.examples.todo.messages.TodoMessages.TodoListSummary;
import io.evento.examples.todo.messages.TodoMessages.TodoListView;
import io.evento.examples.todo.messages.UserMessages.RegisterUser;
import jakarta.inject.Inject;

import java.util.List;

/**
 * What the REST API can do, as commands and queries; the gateways send as this invoker (the
 * console's graph shows it as the sender). Ids are generated here ({@link Ids}). Every method is a
 * {@code @Track} entry point: one REST call is one trace (and one correlation id) through the system.
 */
@Invoker
@Track
public class TodoInvoker {

    private final CommandGateway commands;
    private final QueryGateway queries;

    @Inject
    public TodoInvoker(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public String createList(String name, String owner) {
        String id = Ids.newId();
        commands.sendAndWait(new CreateTodoList(id, name, owner));
        return id;
    }

    public String addItem(String listId, String text) {
        String id = Ids.newId();
        commands.sendAndWait(new AddTodoItem(listId, id, text));
        return id;
    }

    public void checkItem(String listId, String itemId) {
        commands.sendAndWait(new CheckTodoItem(listId, itemId));
    }

    public void removeItem(String listId, String itemId) {
        commands.sendAndWait(new RemoveTodoItem(listId, itemId));
    }

    public void deleteList(String listId) {
        commands.sendAndWait(new DeleteTodoList(listId, null));
    }

    public void registerUser(String userId, String name, int maxLists) {
        commands.sendAndWait(new RegisterUser(userId, name, maxLists));
    }

    public TodoListView list(String listId) {
        return queries.queryAndWait(new GetTodoList(listId));
    }

    public List<TodoListSummary> search(String nameContains, int page, int size) {
        return queries.queryManyAndWait(new SearchTodoLists(nameContains, page, size));
    }

    public List<AuditEntry> audit(String listId) {
        return queries.queryManyAndWait(new GetAuditTrail(listId));
    }
}
