package io.evento.examples.todo.lists;

/** Where the projector announces a changed list once its read model is saved (MQTT in this application). */
@FunctionalInterface
public interface ListUpdates {

    /** The list changed; {@code notice} is its new view or a deletion notice, sent as JSON. */
    void changed(String listId, Object notice);
}
