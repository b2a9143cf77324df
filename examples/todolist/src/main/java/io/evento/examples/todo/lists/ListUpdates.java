package io.evento.examples.todo.lists;

/** Where the projector announces a changed list once its read model is saved (MQTT in the application). */
@FunctionalInterface
public interface ListUpdates {

    /** The list changed; {@code json} is its new view (or a deletion notice). */
    void changed(String listId, String json);

    ListUpdates NONE = (listId, json) -> { };
}
