package io.evento.examples.todo.lists;

import io.evento.bundle.annotation.Projection;
import io.evento.bundle.annotation.QueryHandler;
import io.evento.examples.todo.lists.TodoMessages.GetTodoList;
import io.evento.examples.todo.lists.TodoMessages.SearchTodoLists;
import io.evento.examples.todo.lists.TodoMessages.TodoListSummary;
import io.evento.examples.todo.lists.TodoMessages.TodoListView;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Answers list queries from the read model. */
@Projection
public class TodoListProjection {

    private final DataSource dataSource;

    public TodoListProjection(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @QueryHandler
    TodoListView handle(GetTodoList query) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            TodoReadModel.createTables(c);
            return TodoReadModel.list(c, query.listId()).orElse(null);
        }
    }

    @QueryHandler
    List<TodoListSummary> handle(SearchTodoLists query) throws SQLException {
        if (query.page() < 0 || query.size() < 1 || query.size() > 100) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and 100");
        }
        try (Connection c = dataSource.getConnection()) {
            TodoReadModel.createTables(c);
            return TodoReadModel.search(c, query.nameContains(), query.page(), query.size());
        }
    }
}
