package io.evento.examples.todo.lists;

import io.evento.bundle.annotation.Projection;
import io.evento.bundle.annotation.QueryHandler;
import io.evento.examples.todo.messages.TodoMessages.GetTodoList;
import io.evento.examples.todo.messages.TodoMessages.SearchTodoLists;
import io.evento.examples.todo.messages.TodoMessages.TodoListSummary;
import io.evento.examples.todo.messages.TodoMessages.TodoListView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** Answers list queries from the read model. */
@Projection
public class TodoListProjection {

    static final String SEARCH = "SELECT l.listId, l.name, l.owner, COUNT(i), SUM(CASE WHEN i.checked = TRUE THEN 1 ELSE 0 END) "
            + "FROM TodoListRow l LEFT JOIN l.items i WHERE LOWER(l.name) LIKE :name ESCAPE '!' "
            + "GROUP BY l.listId, l.name, l.owner, l.createdAt ORDER BY l.createdAt DESC, l.listId";

    @PersistenceContext(unitName = "todo")
    EntityManager entities;

    @QueryHandler
    TodoListView handle(GetTodoList query) {
        TodoListRow list = entities.find(TodoListRow.class, query.listId());
        return list == null ? null : list.view();
    }

    @QueryHandler
    List<TodoListSummary> handle(SearchTodoLists query) {
        if (query.page() < 0 || query.size() < 1 || query.size() > 100) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and 100");
        }
        String text = query.nameContains() == null ? "" : query.nameContains().toLowerCase();
        return entities.createQuery(SEARCH, Object[].class)
                .setParameter("name", "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .setFirstResult(query.page() * query.size()).setMaxResults(query.size())
                .getResultStream()
                .map(row -> new TodoListSummary((String) row[0], (String) row[1], (String) row[2],
                        ((Number) row[3]).intValue(), row[4] == null ? 0 : ((Number) row[4]).intValue()))
                .toList();
    }
}
