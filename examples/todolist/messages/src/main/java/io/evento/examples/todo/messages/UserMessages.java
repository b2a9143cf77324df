package io.evento.examples.todo.messages;

import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;

/** The users domain's messages. */
public final class UserMessages {

    private UserMessages() {
    }

    public record RegisterUser(String userId, String name, int maxLists) implements DomainCommand {
        @Override
        public String aggregateId() {
            return userId;
        }
    }

    public record ReserveListSlot(String userId, String listId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return userId;
        }
    }

    public record ReleaseListSlot(String userId, String listId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return userId;
        }
    }

    public record UserRegistered(String userId, String name, int maxLists) implements DomainEvent {
    }

    public record ListSlotReserved(String userId, String listId, int used) implements DomainEvent {
    }

    public record ListSlotReleased(String userId, String listId, int used) implements DomainEvent {
    }
}
