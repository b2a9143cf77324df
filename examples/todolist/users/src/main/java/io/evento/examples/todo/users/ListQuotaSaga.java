package io.evento.examples.todo.users;

import io.evento.bundle.annotation.Saga;
import io.evento.bundle.annotation.SagaEventHandler;
import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.SagaState;
import io.evento.examples.todo.messages.TodoMessages.DeleteTodoList;
import io.evento.examples.todo.messages.TodoMessages.TodoListCreated;
import io.evento.examples.todo.messages.TodoMessages.TodoListDeleted;
import io.evento.examples.todo.messages.UserMessages.ReleaseListSlot;
import io.evento.examples.todo.messages.UserMessages.ReserveListSlot;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

/**
 * Keeps each registered user within their list quota, across the two domains: a new list reserves
 * a slot of its owner; when the quota is full the list is deleted again (compensation); a deleted
 * list releases its slot. Owners who are not registered users have no quota.
 */
@Saga(version = 1)
public class ListQuotaSaga {

    public record State(String owner, String listId) implements SagaState {
    }

    @SagaEventHandler(associationProperty = "listId", init = true)
    State on(TodoListCreated event, State state, CommandGateway commands) {
        try {
            commands.sendAndWait(new ReserveListSlot(event.owner(), event.listId()));
            return new State(event.owner(), event.listId());
        } catch (EventoException e) {
            if (e.code() == ErrorCode.AGGREGATE_NOT_FOUND) {
                return null;
            }
            if (e.code() == ErrorCode.HANDLER_FAILED) {
                commands.sendAndWait(new DeleteTodoList(event.listId(), "list quota exceeded: " + e.getMessage()));
                return null;
            }
            throw e;
        }
    }

    @SagaEventHandler(associationProperty = "listId")
    State on(TodoListDeleted event, State state, CommandGateway commands) {
        commands.sendAndWait(new ReleaseListSlot(state.owner(), state.listId()));
        return null;
    }
}
