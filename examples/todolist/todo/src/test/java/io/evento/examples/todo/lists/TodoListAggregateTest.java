package io.evento.examples.todo.lists;

import io.evento.bundle.fixture.AggregateFixture;
import io.evento.examples.todo.messages.TodoMessages.AddTodoItem;
import io.evento.examples.todo.messages.TodoMessages.CheckTodoItem;
import io.evento.examples.todo.messages.TodoMessages.CreateTodoList;
import io.evento.examples.todo.messages.TodoMessages.DeleteTodoList;
import io.evento.examples.todo.messages.TodoMessages.RemoveTodoItem;
import io.evento.examples.todo.messages.TodoMessages.TodoItemAdded;
import io.evento.examples.todo.messages.TodoMessages.TodoItemChecked;
import io.evento.examples.todo.messages.TodoMessages.TodoItemRemoved;
import io.evento.examples.todo.messages.TodoMessages.TodoListCreated;
import io.evento.examples.todo.messages.TodoMessages.TodoListDeleted;
import io.evento.protocol.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TodoListAggregateTest {

    private static final TodoListCreated CREATED = new TodoListCreated("l1", "groceries", "ann");

    @Nested
    class CreatingAList {

        @Test
        void aNamedListIsCreatedWithItsNameTrimmed() {
            AggregateFixture.of(new TodoListAggregate())
                    .when(new CreateTodoList("l1", "  groceries ", "ann"))
                    .expectEvent(CREATED);
        }

        @Test
        void aBlankOrOverlongNameIsRefused() {
            AggregateFixture.of(new TodoListAggregate()).when(new CreateTodoList("l1", "   ", "ann"))
                    .expectFailure(ErrorCode.HANDLER_FAILED, "the list name must not be empty");
            AggregateFixture.of(new TodoListAggregate()).when(new CreateTodoList("l1", "x".repeat(101), "ann"))
                    .expectFailure(ErrorCode.HANDLER_FAILED, "longer than 100 characters");
        }
    }

    @Nested
    class AddingItems {

        @Test
        void anItemIsAddedUnchecked() {
            AggregateFixture.of(new TodoListAggregate()).given(CREATED)
                    .when(new AddTodoItem("l1", "i1", "milk"))
                    .expectEvent(new TodoItemAdded("l1", "i1", "milk"))
                    .expectState(state -> assertThat(((TodoListAggregate.State) state).items()).containsEntry("i1", false));
        }

        @Test
        void anItemIdIsUniqueInTheList() {
            AggregateFixture.of(new TodoListAggregate()).given(CREATED, new TodoItemAdded("l1", "i1", "milk"))
                    .when(new AddTodoItem("l1", "i1", "bread"))
                    .expectFailure(ErrorCode.HANDLER_FAILED, "item i1 is already on the list");
        }

        @Test
        void aFullListTakesNoMoreItems() {
            // given a list with the maximum of items
            List<Object> history = new ArrayList<>(List.of(CREATED));
            for (int i = 0; i < TodoListAggregate.MAX_ITEMS; i++) {
                history.add(new TodoItemAdded("l1", "i" + i, "item " + i));
            }
            // when / then
            AggregateFixture.of(new TodoListAggregate()).given(history.toArray())
                    .when(new AddTodoItem("l1", "one-more", "too many"))
                    .expectFailure(ErrorCode.HANDLER_FAILED, "at most 1000 items");
        }

        @Test
        void aDeletedListTakesNoItems() {
            AggregateFixture.of(new TodoListAggregate()).given(CREATED, new TodoListDeleted("l1", "ann", "done")).givenDeleted()
                    .when(new AddTodoItem("l1", "i1", "milk"))
                    .expectFailure(ErrorCode.AGGREGATE_DELETED, "deleted");
        }
    }

    @Nested
    class CheckingAndRemovingItems {

        private final AggregateFixture withMilk = AggregateFixture.of(new TodoListAggregate())
                .given(CREATED, new TodoItemAdded("l1", "i1", "milk"));

        @Test
        void anUncheckedItemIsChecked() {
            withMilk.when(new CheckTodoItem("l1", "i1")).expectEvent(new TodoItemChecked("l1", "i1"));
        }

        @Test
        void anItemIsCheckedOnlyOnce() {
            withMilk.given(new TodoItemChecked("l1", "i1")).when(new CheckTodoItem("l1", "i1"))
                    .expectFailure(ErrorCode.HANDLER_FAILED, "item i1 is already checked");
        }

        @Test
        void onlyItemsOnTheListCanBeCheckedOrRemoved() {
            withMilk.when(new CheckTodoItem("l1", "i9")).expectFailure(ErrorCode.HANDLER_FAILED, "no item i9 on the list");
            withMilk.when(new RemoveTodoItem("l1", "i9")).expectFailure(ErrorCode.HANDLER_FAILED, "no item i9 on the list");
        }

        @Test
        void aRemovedItemLeavesTheList() {
            withMilk.when(new RemoveTodoItem("l1", "i1")).expectEvent(new TodoItemRemoved("l1", "i1"))
                    .expectState(state -> assertThat(((TodoListAggregate.State) state).items()).isEmpty());
        }
    }

    @Nested
    class DeletingAList {

        @Test
        void theDeletionCarriesTheOwnerAndReasonAndDeletesTheAggregate() {
            AggregateFixture.of(new TodoListAggregate()).given(CREATED)
                    .when(new DeleteTodoList("l1", null))
                    .expectEvent(new TodoListDeleted("l1", "ann", "deleted by its owner"))
                    .expectDeleted();
        }
    }
}
