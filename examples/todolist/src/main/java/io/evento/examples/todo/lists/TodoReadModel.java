package io.evento.examples.todo.lists;

import io.evento.examples.todo.lists.TodoMessages.TodoItemView;
import io.evento.examples.todo.lists.TodoMessages.TodoListSummary;
import io.evento.examples.todo.lists.TodoMessages.TodoListView;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The todo read model in PostgreSQL; all its SQL. The tables are created when missing, so
 * dropping them and resetting the projector's position rebuilds them from the events.
 */
public final class TodoReadModel {

    static final String CREATE_TABLES = """
            CREATE TABLE IF NOT EXISTS todo_list (
                list_id    text        NOT NULL PRIMARY KEY,
                name       text        NOT NULL,
                owner      text        NOT NULL,
                created_at timestamptz NOT NULL
            );
            CREATE INDEX IF NOT EXISTS todo_list_created_idx ON todo_list (created_at DESC, list_id);
            CREATE TABLE IF NOT EXISTS todo_item (
                list_id  text    NOT NULL REFERENCES todo_list (list_id) ON DELETE CASCADE,
                item_id  text    NOT NULL,
                text     text    NOT NULL,
                checked  boolean NOT NULL DEFAULT false,
                position bigint  NOT NULL,
                PRIMARY KEY (list_id, item_id)
            )""";
    static final String DROP_TABLES = "DROP TABLE IF EXISTS todo_item; DROP TABLE IF EXISTS todo_list";
    static final String INSERT_LIST = "INSERT INTO todo_list (list_id, name, owner, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
    static final String INSERT_ITEM = "INSERT INTO todo_item (list_id, item_id, text, position) "
            + "SELECT ?, ?, ?, coalesce(max(position), 0) + 1 FROM todo_item WHERE list_id = ? ON CONFLICT DO NOTHING";
    static final String CHECK_ITEM = "UPDATE todo_item SET checked = true WHERE list_id = ? AND item_id = ?";
    static final String DELETE_ITEM = "DELETE FROM todo_item WHERE list_id = ? AND item_id = ?";
    static final String DELETE_LIST = "DELETE FROM todo_list WHERE list_id = ?";
    static final String SELECT_LIST = "SELECT name, owner FROM todo_list WHERE list_id = ?";
    static final String SELECT_ITEMS = "SELECT item_id, text, checked FROM todo_item WHERE list_id = ? ORDER BY position";
    static final String SEARCH = "SELECT l.list_id, l.name, l.owner, count(i.item_id), count(i.item_id) FILTER (WHERE i.checked) "
            + "FROM todo_list l LEFT JOIN todo_item i ON i.list_id = l.list_id WHERE l.name ILIKE ? "
            + "GROUP BY l.list_id ORDER BY l.created_at DESC, l.list_id LIMIT ? OFFSET ?";

    private TodoReadModel() {
    }

    public static void createTables(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(CREATE_TABLES);
        }
    }

    /** Drops the tables (to rebuild the read model from the events). */
    public static void dropTables(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(DROP_TABLES);
        }
    }

    static void insertList(Connection c, String listId, String name, String owner, Instant createdAt) throws SQLException {
        update(c, INSERT_LIST, listId, name, owner, Timestamp.from(createdAt));
    }

    static void insertItem(Connection c, String listId, String itemId, String text) throws SQLException {
        update(c, INSERT_ITEM, listId, itemId, text, listId);
    }

    static void checkItem(Connection c, String listId, String itemId) throws SQLException {
        update(c, CHECK_ITEM, listId, itemId);
    }

    static void deleteItem(Connection c, String listId, String itemId) throws SQLException {
        update(c, DELETE_ITEM, listId, itemId);
    }

    static void deleteList(Connection c, String listId) throws SQLException {
        update(c, DELETE_LIST, listId);
    }

    public static Optional<TodoListView> list(Connection c, String listId) throws SQLException {
        String name;
        String owner;
        try (PreparedStatement statement = c.prepareStatement(SELECT_LIST)) {
            statement.setString(1, listId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                name = rows.getString(1);
                owner = rows.getString(2);
            }
        }
        List<TodoItemView> items = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(SELECT_ITEMS)) {
            statement.setString(1, listId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(new TodoItemView(rows.getString(1), rows.getString(2), rows.getBoolean(3)));
                }
            }
        }
        return Optional.of(new TodoListView(listId, name, owner, items));
    }

    public static List<TodoListSummary> search(Connection c, String nameContains, int page, int size) throws SQLException {
        List<TodoListSummary> summaries = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(SEARCH)) {
            statement.setString(1, "%" + (nameContains == null ? "" : nameContains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%");
            statement.setInt(2, size);
            statement.setLong(3, (long) page * size);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    summaries.add(new TodoListSummary(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4), rows.getInt(5)));
                }
            }
        }
        return summaries;
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
