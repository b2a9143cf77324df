package io.evento.examples.todo.users;

import io.evento.bundle.fixture.AggregateFixture;
import io.evento.bundle.fixture.SagaFixture;
import io.evento.examples.todo.messages.TodoMessages.DeleteTodoList;
import io.evento.examples.todo.messages.TodoMessages.TodoListCreated;
import io.evento.examples.todo.messages.TodoMessages.TodoListDeleted;
import io.evento.examples.todo.messages.UserMessages.ListSlotReleased;
import io.evento.examples.todo.messages.UserMessages.ListSlotReserved;
import io.evento.examples.todo.messages.UserMessages.ReleaseListSlot;
import io.evento.examples.todo.messages.UserMessages.ReserveListSlot;
import io.evento.examples.todo.messages.UserMessages.UserRegistered;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListQuotaSagaTest {

    @Nested
    class ANewList {

        @Test
        void reservesASlotOfItsOwnerAndStaysAssociatedWithTheList() {
            // given
            SagaFixture saga = SagaFixture.of(new ListQuotaSaga());
            // when / then
            saga.when(new TodoListCreated("l1", "groceries", "bob")).expectCommands(new ReserveListSlot("bob", "l1"));
            assertThat(saga.state("listId", "l1")).isEqualTo(new ListQuotaSaga.State("bob", "l1"));
        }

        @Test
        void isDeletedAgainWhenTheQuotaIsFull() {
            // given a user aggregate that refuses the slot
            SagaFixture saga = SagaFixture.of(new ListQuotaSaga());
            saga.gateway().answerCommands(command -> {
                if (command instanceof ReserveListSlot) {
                    throw new EventoException(ErrorCode.HANDLER_FAILED, "quota of 1 lists reached");
                }
                return null;
            });
            // when / then the list is compensated and the saga ends
            saga.when(new TodoListCreated("l2", "more", "bob")).expectCommands(new ReserveListSlot("bob", "l2"),
                    new DeleteTodoList("l2", "list quota exceeded: quota of 1 lists reached"));
            assertThat(saga.instances()).isZero();
        }

        @Test
        void ofAnOwnerWhoIsNoRegisteredUserHasNoQuota() {
            // given
            SagaFixture saga = SagaFixture.of(new ListQuotaSaga());
            saga.gateway().answerCommands(command -> {
                throw new EventoException(ErrorCode.AGGREGATE_NOT_FOUND, "no user ann");
            });
            // when / then
            saga.when(new TodoListCreated("l3", "mine", "ann")).expectCommands(new ReserveListSlot("ann", "l3"));
            assertThat(saga.instances()).isZero();
        }
    }

    @Nested
    class ADeletedList {

        @Test
        void releasesItsSlotAndEndsTheSaga() {
            // given
            SagaFixture saga = SagaFixture.of(new ListQuotaSaga()).given(new TodoListCreated("l1", "groceries", "bob"));
            // when / then
            saga.when(new TodoListDeleted("l1", "bob", "done")).expectCommands(new ReleaseListSlot("bob", "l1"));
            assertThat(saga.instances()).isZero();
        }
    }

    @Nested
    class TheUserQuota {

        private final UserRegistered bob = new UserRegistered("bob", "Bob", 1);

        @Test
        void grantsSlotsUpToTheQuota() {
            AggregateFixture.of(new UserAggregate()).given(bob)
                    .when(new ReserveListSlot("bob", "l1")).expectEvent(new ListSlotReserved("bob", "l1", 1));
            AggregateFixture.of(new UserAggregate()).given(bob, new ListSlotReserved("bob", "l1", 1))
                    .when(new ReserveListSlot("bob", "l2")).expectFailure(ErrorCode.HANDLER_FAILED, "quota of 1 lists reached");
        }

        @Test
        void reservingTheSameListTwiceIsIdempotentSoASagaRetryIsHarmless() {
            AggregateFixture.of(new UserAggregate()).given(bob, new ListSlotReserved("bob", "l1", 1))
                    .when(new ReserveListSlot("bob", "l1")).expectEvent(new ListSlotReserved("bob", "l1", 1));
        }

        @Test
        void aReleasedSlotCanBeReservedAgain() {
            AggregateFixture.of(new UserAggregate()).given(bob, new ListSlotReserved("bob", "l1", 1), new ListSlotReleased("bob", "l1", 0))
                    .when(new ReserveListSlot("bob", "l2")).expectEvent(new ListSlotReserved("bob", "l2", 1));
        }
    }
}
