package io.evento.server.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.EventStoreMode;
import io.evento.server.store.EventStoreSettings;
import io.evento.server.store.NewEvent;
import io.evento.server.store.StoredEvent;
import io.evento.server.testing.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.evento.server.store.AppendResult;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The optimistic check when an instance remembers an aggregate's last sequence and another instance
 * has changed the aggregate since: what an instance remembers may save a look-up, but never lets
 * an append through that the database would refuse.
 */
class AppendCheckAcrossInstancesTest {

    @Nested
    class AnotherInstanceAppendedMeanwhile {

        @ParameterizedTest
        @EnumSource(EventStoreMode.class)
        void theRememberedExpectationIsAConflictAndNothingIsWritten(EventStoreMode mode) {
            try (Instances instances = new Instances(mode)) {
                // given instance A wrote 1..3 and instance B read the story (B remembers 3)
                String aggregate = "order-" + UUID.randomUUID();
                instances.a.append(AppendRequest.toAggregate(aggregate, 0, events(3)));
                assertThat(instances.b.readAggregate(aggregate).lastSequence()).isEqualTo(3);
                instances.a.append(AppendRequest.toAggregate(aggregate, 3, events(1)));

                // when B appends after 3
                NewEvent late = event();

                // then
                assertThatThrownBy(() -> instances.b.append(AppendRequest.toAggregate(aggregate, 3, List.of(late))))
                        .isInstanceOfSatisfying(EventoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENCY_CONFLICT));
                assertThat(instances.a.readAggregate(aggregate).events()).extracting(StoredEvent::aggregateSequence).containsExactly(1L, 2L, 3L, 4L);
                assertThat(instances.a.readEvent(late.eventId())).isEmpty();
            }
        }
    }

    @Nested
    class AnotherInstanceDeletedTheAggregate {

        @ParameterizedTest
        @EnumSource(EventStoreMode.class)
        void anInstanceThatRemembersItsSequenceIsRefusedToo(EventStoreMode mode) {
            try (Instances instances = new Instances(mode)) {
                // given B wrote 1..2 (B remembers 2), then A deleted the aggregate
                String aggregate = "order-" + UUID.randomUUID();
                instances.b.append(AppendRequest.toAggregate(aggregate, 0, events(2)));
                instances.a.deleteAggregate(aggregate);

                // when B appends after 2, then
                assertThatThrownBy(() -> instances.b.append(AppendRequest.toAggregate(aggregate, 2, events(1))))
                        .isInstanceOfSatisfying(EventoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AGGREGATE_DELETED));
                assertThat(instances.b.readAggregate(aggregate).lastSequence()).isEqualTo(2);
            }
        }
    }

    @Nested
    class AnExpectationAheadOfWhatTheInstanceKnows {

        @ParameterizedTest
        @EnumSource(EventStoreMode.class)
        void isLookedUpAndRefusedSoNoHoleAppears(EventStoreMode mode) {
            try (Instances instances = new Instances(mode)) {
                // given A wrote 1..3 itself
                String aggregate = "order-" + UUID.randomUUID();
                instances.a.append(AppendRequest.toAggregate(aggregate, 0, events(3)));

                // when A appends after 5, then
                assertThatThrownBy(() -> instances.a.append(AppendRequest.toAggregate(aggregate, 5, events(1))))
                        .isInstanceOfSatisfying(EventoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENCY_CONFLICT));
                assertThat(instances.a.readAggregate(aggregate).lastSequence()).isEqualTo(3);
            }
        }
    }

    @Nested
    class AppendsToOneAggregateQueuedTogether {

        @ParameterizedTest
        @EnumSource(EventStoreMode.class)
        void appendsThatFollowEachOtherAreAllWrittenByOneWriter(EventStoreMode mode) {
            try (Instances instances = new Instances(EventStoreSettings.defaults(mode).withWriters(1))) {
                // given one writer thread, so queued appends are written in queue order, several per transaction
                String aggregate = "order-" + UUID.randomUUID();

                // when appends are queued without waiting, each following the one before
                List<CompletableFuture<List<AppendResult>>> results = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    results.add(instances.a.appendAsync(List.of(AppendRequest.toAggregate(aggregate, i, events(1)))));
                }
                results.forEach(CompletableFuture::join);

                // then
                assertThat(instances.b.readAggregate(aggregate).events()).extracting(StoredEvent::aggregateSequence)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
            }
        }

        @ParameterizedTest
        @EnumSource(EventStoreMode.class)
        void ofTwoAppendsWithTheSameExpectationExactlyOneIsWritten(EventStoreMode mode) {
            try (Instances instances = new Instances(mode)) {
                // given
                String aggregate = "order-" + UUID.randomUUID();
                for (int round = 0; round < 30; round++) {
                    // when two callers of one instance append after the same sequence at once
                    CompletableFuture<List<AppendResult>> first = instances.a.appendAsync(List.of(AppendRequest.toAggregate(aggregate, round, events(1))));
                    CompletableFuture<List<AppendResult>> second = instances.a.appendAsync(List.of(AppendRequest.toAggregate(aggregate, round, events(1))));

                    // then one wins, the other gets the conflict
                    List<Throwable> failures = new ArrayList<>();
                    for (CompletableFuture<List<AppendResult>> result : List.of(first, second)) {
                        result.handle((r, e) -> e == null ? null : failures.add(e.getCause() == null ? e : e.getCause())).join();
                    }
                    assertThat(failures).as("round %d", round).singleElement()
                            .isInstanceOfSatisfying(EventoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENCY_CONFLICT));
                }
                assertThat(instances.b.readAggregate(aggregate).events()).extracting(StoredEvent::aggregateSequence)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
            }
        }
    }

    private static List<NewEvent> events(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> event()).toList();
    }

    private static NewEvent event() {
        return NewEvent.of(UUID.randomUUID().toString(), "OrderChanged", "{\"by\":\"test\"}");
    }

    /** Two store instances on one database, each with its own pool, as two servers would be. */
    private static final class Instances implements AutoCloseable {
        private final TestDatabase database = TestDatabase.migrated();
        private final HikariDataSource poolA = database.newPool(3);
        private final HikariDataSource poolB = database.newPool(3);
        final PostgresEventStore a;
        final PostgresEventStore b;

        Instances(EventStoreMode mode) {
            this(EventStoreSettings.defaults(mode));
        }

        Instances(EventStoreSettings settings) {
            a = new PostgresEventStore(poolA, settings, Executors.defaultThreadFactory());
            b = new PostgresEventStore(poolB, settings, Executors.defaultThreadFactory());
        }

        @Override
        public void close() {
            a.close();
            b.close();
            poolA.close();
            poolB.close();
            database.close();
        }
    }
}
