package io.evento.examples.todo.users;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.bundle.api.AggregateState;
import io.evento.examples.todo.messages.UserMessages.ListSlotReleased;
import io.evento.examples.todo.messages.UserMessages.ListSlotReserved;
import io.evento.examples.todo.messages.UserMessages.RegisterUser;
import io.evento.examples.todo.messages.UserMessages.ReleaseListSlot;
import io.evento.examples.todo.messages.UserMessages.ReserveListSlot;
import io.evento.examples.todo.messages.UserMessages.UserRegistered;
import io.evento.examples.todo.messages.Texts;

import java.util.HashSet;
import java.util.Set;

/** A user with a quota of lists: a slot is reserved per list and released when the list goes. */
@Aggregate(snapshotFrequency = 20)
public class UserAggregate {

    public record State(int maxLists, Set<String> lists) implements AggregateState {
    }

    @AggregateCommandHandler(init = true)
    UserRegistered handle(RegisterUser command) {
        Texts.require(command.name(), "user name", 100);
        if (command.maxLists() < 1 || command.maxLists() > 1000) {
            throw new IllegalArgumentException("maxLists must be between 1 and 1000");
        }
        return new UserRegistered(command.userId(), command.name().strip(), command.maxLists());
    }

    @AggregateCommandHandler
    ListSlotReserved handle(ReserveListSlot command, State state) {
        if (state.lists().contains(command.listId())) {
            return new ListSlotReserved(command.userId(), command.listId(), state.lists().size());
        }
        if (state.lists().size() >= state.maxLists()) {
            throw new IllegalStateException("quota of " + state.maxLists() + " lists reached");
        }
        return new ListSlotReserved(command.userId(), command.listId(), state.lists().size() + 1);
    }

    @AggregateCommandHandler
    ListSlotReleased handle(ReleaseListSlot command, State state) {
        int used = state.lists().contains(command.listId()) ? state.lists().size() - 1 : state.lists().size();
        return new ListSlotReleased(command.userId(), command.listId(), used);
    }

    @EventSourcingHandler
    State on(UserRegistered event) {
        return new State(event.maxLists(), Set.of());
    }

    @EventSourcingHandler
    State on(ListSlotReserved event, State state) {
        Set<String> lists = new HashSet<>(state.lists());
        lists.add(event.listId());
        return new State(state.maxLists(), lists);
    }

    @EventSourcingHandler
    State on(ListSlotReleased event, State state) {
        Set<String> lists = new HashSet<>(state.lists());
        lists.remove(event.listId());
        return new State(state.maxLists(), lists);
    }
}
