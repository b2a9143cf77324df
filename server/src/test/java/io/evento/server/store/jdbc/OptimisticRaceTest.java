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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two writers on two connection pools (two instances) race on one aggregate: in every round both
 * read the same story and append the next event; exactly one wins, the other gets the typed
 * conflict, and the stream ends without a hole or a repeated sequence.
 */
class OptimisticRaceTest {

    private static final int ROUNDS = 100;

    @ParameterizedTest
    @EnumSource(EventStoreMode.class)
    void exactlyOneOfTwoRacingWritersWinsEachRound(EventStoreMode mode) throws Exception {
        try (TestDatabase database = TestDatabase.migrated();
             HikariDataSource poolA = database.newPool(4);
             HikariDataSource poolB = database.newPool(4);
             PostgresEventStore storeA = new PostgresEventStore(poolA, EventStoreSettings.defaults(mode), Executors.defaultThreadFactory());
             PostgresEventStore storeB = new PostgresEventStore(poolB, EventStoreSettings.defaults(mode), Executors.defaultThreadFactory())) {
            // given
            String aggregate = "race-" + UUID.randomUUID();
            CyclicBarrier bothRead = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);

            // when
            Future<int[]> a = threads.submit(() -> race(storeA, aggregate, bothRead));
            Future<int[]> b = threads.submit(() -> race(storeB, aggregate, bothRead));
            int[] winsA = a.get(2, TimeUnit.MINUTES);
            int[] winsB = b.get(2, TimeUnit.MINUTES);
            threads.shutdown();

            // then each round had one winner and one conflict
            for (int round = 0; round < ROUNDS; round++) {
                assertThat(winsA[round] + winsB[round]).as("winners of round %d", round).isEqualTo(1);
            }
            List<StoredEvent> stream = storeA.readAggregate(aggregate).events();
            assertThat(stream).extracting(StoredEvent::aggregateSequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, ROUNDS).boxed().toList());
        }
    }

    /** Per round: read the story, wait for the other writer to read too, append; 1 when this writer won. */
    private static int[] race(PostgresEventStore store, String aggregate, CyclicBarrier bothRead) throws Exception {
        int[] wins = new int[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long last = store.readAggregate(aggregate).lastSequence();
            assertThat(last).isEqualTo(round);
            bothRead.await(30, TimeUnit.SECONDS);
            try {
                store.append(AppendRequest.toAggregate(aggregate, last,
                        List.of(NewEvent.of(UUID.randomUUID().toString(), "Raced", "{\"round\":" + round + "}"))));
                wins[round] = 1;
            } catch (EventoException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENCY_CONFLICT);
            }
            bothRead.await(30, TimeUnit.SECONDS);
        }
        return wins;
    }
}
