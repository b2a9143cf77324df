package io.evento.examples.todo.lists;

import io.evento.examples.todo.messages.TodoMessages.TodoListView;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A list in the read model. */
@Entity
@Table(name = "todo_list", indexes = @Index(name = "todo_list_created_idx", columnList = "created_at DESC, list_id"))
public class TodoListRow {

    @Id
    @Column(name = "list_id")
    private String listId;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String owner;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @OneToMany(mappedBy = "list", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<TodoItemRow> items = new ArrayList<>();

    protected TodoListRow() {
    }

    TodoListRow(String listId, String name, String owner, OffsetDateTime createdAt) {
        this.listId = listId;
        this.name = name;
        this.owner = owner;
        this.createdAt = createdAt;
    }

    void add(String itemId, String text) {
        items.add(new TodoItemRow(this, itemId, text));
    }

    void check(String itemId) {
        items.stream().filter(item -> item.itemId().equals(itemId)).forEach(TodoItemRow::check);
    }

    void remove(String itemId) {
        items.removeIf(item -> item.itemId().equals(itemId));
    }

    String listId() {
        return listId;
    }

    TodoListView view() {
        return new TodoListView(listId, name, owner, items.stream().map(TodoItemRow::view).toList());
    }
}
