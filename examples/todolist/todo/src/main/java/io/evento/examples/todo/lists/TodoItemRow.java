package io.evento.examples.todo.lists;

import io.evento.examples.todo.messages.TodoMessages.TodoItemView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** An item of a list in the read model; items keep the order they were added in (by id). */
@Entity
@Table(name = "todo_item", uniqueConstraints = @UniqueConstraint(columnNames = {"list_id", "item_id"}))
public class TodoItemRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "list_id")
    private TodoListRow list;
    @Column(name = "item_id", nullable = false)
    private String itemId;
    @Column(nullable = false, length = 500)
    private String text;
    private boolean checked;

    protected TodoItemRow() {
    }

    TodoItemRow(TodoListRow list, String itemId, String text) {
        this.list = list;
        this.itemId = itemId;
        this.text = text;
    }

    String itemId() {
        return itemId;
    }

    void check() {
        checked = true;
    }

    TodoItemView view() {
        return new TodoItemView(itemId, text, checked);
    }
}
