package io.evento.server.store.jdbc;

import io.evento.server.store.AppendRequest;
import io.evento.server.store.NewEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the insert's optimistic check is asked to look up, and which batches it refuses before asking. */
class AppendGuardTest {

    private final KnownSequences known = new KnownSequences(3);

    @Nested
    class LookUps {

        @Test
        void aNewAggregateAndAKnownSequenceNeedNone() {
            // given
            known.committed("known", 7);

            // when
            AppendGuard guard = AppendGuard.of(List.of(append("new", 0, 2), append("known", 7, 1)), known);

            // then
            assertThat(guard.aggregateIds()).containsExactly("new", "known");
            assertThat(guard.follows()).containsExactly(0L, 0L);
        }

        @Test
        void aSequenceBeyondWhatIsKnownIsLookedUp() {
            // given
            known.committed("known", 7);

            // when
            AppendGuard guard = AppendGuard.of(List.of(append("known", 9, 1), append("unknown", 4, 1)), known);

            // then
            assertThat(guard.follows()).containsExactly(9L, 4L);
        }

        @Test
        void aSequenceBelowTheKnownOneNeedsNoLookUpTheUniqueIndexDecides() {
            // given
            known.committed("known", 7);

            // when
            AppendGuard guard = AppendGuard.of(List.of(append("known", 5, 1)), known);

            // then
            assertThat(guard.follows()).containsExactly(0L);
        }

        @Test
        void serviceEventsAreNotChecked() {
            // when
            AppendGuard guard = AppendGuard.of(List.of(PendingAppend.of(List.of(AppendRequest.serviceEvents(List.of(event()))))), known);

            // then
            assertThat(guard.aggregateIds()).isEmpty();
        }
    }

    @Nested
    class AppendsToOneAggregateInOneBatch {

        @Test
        void thatFollowEachOtherAreCheckedOnceFromTheFirst() {
            // when
            AppendGuard guard = AppendGuard.of(List.of(append("a", 3, 2), append("a", 5, 1), append("a", 6, 4)), known);

            // then
            assertThat(guard.aggregateIds()).containsExactly("a");
            assertThat(guard.follows()).containsExactly(3L);
        }

        @Test
        void withTheSameExpectationAreRefused() {
            assertThat(AppendGuard.of(List.of(append("a", 3, 1), append("a", 3, 1)), known)).isNull();
        }

        @Test
        void afterTheAggregateWasDeletedAreRefused() {
            // given
            PendingAppend deleting = PendingAppend.of(List.of(AppendRequest.toAggregate("a", 3, List.of(event())).deletingAggregate()));

            // then
            assertThat(AppendGuard.of(List.of(deleting, append("a", 4, 1)), known)).isNull();
        }
    }

    @Nested
    class RememberedSequences {

        @Test
        void onlyGrow() {
            // when
            known.committed("a", 5);
            known.committed("a", 2);

            // then
            assertThat(known.covers("a", 5)).isTrue();
            assertThat(known.covers("a", 6)).isFalse();
        }

        @Test
        void theLeastRecentlyUsedAreForgottenBeyondTheCapacity() {
            // given capacity 3
            known.committed("a", 1);
            known.committed("b", 1);
            known.committed("c", 1);
            known.covers("a", 1);

            // when
            known.committed("d", 1);

            // then
            assertThat(known.covers("b", 1)).isFalse();
            assertThat(known.covers("a", 1)).isTrue();
            assertThat(known.covers("c", 1)).isTrue();
            assertThat(known.covers("d", 1)).isTrue();
        }
    }

    private static PendingAppend append(String aggregate, long expected, int events) {
        return PendingAppend.of(List.of(AppendRequest.toAggregate(aggregate, expected,
                java.util.stream.IntStream.range(0, events).mapToObj(i -> event()).toList())));
    }

    private static NewEvent event() {
        return NewEvent.of(UUID.randomUUID().toString(), "Changed", "{}");
    }
}
