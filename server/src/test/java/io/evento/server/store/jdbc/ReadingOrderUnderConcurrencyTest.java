package io.evento.server.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.AppendResult;
import io.evento.server.store.EventBatch;
import io.evento.server.store.EventFilter;
import io.evento.server.store.EventStoreMode;
import io.evento.server.store.EventStoreSettings;
import io.evento.server.store.NewEvent;
import io.evento.server.store.StoredEvent;
import io.evento.server.store.StreamPosition;
import io.evento.server.testing.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The skipped-event bug, provoked: many writers on two connection pools (two "instances"), random
 * rollbacks, one transaction held open for three seconds, readers tailing the global stream all the
 * while. Every committed event must be read exactly once, in one order shared by every reader, and
 * no rolled-back event ever. A naive reader that follows the highest position it saw runs
 * alongside and is shown to skip events (HORIZON positions come from a sequence, as in most stores).
 */
class ReadingOrderUnderConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 120;
    private static final int READERS = 3;
    private static final Duration HELD_OPEN = Duration.ofSeconds(3);

    @Nested
    class InHorizonMode {

        @Test
        void everyCommittedEventIsReadOnceInOneOrderWhileANaiveReaderSkips() throws Exception {
            Outcome outcome = run(EventStoreMode.HORIZON);
            outcome.assertEveryReaderSawExactlyTheCommittedEventsInOneOrder();
            assertThat(outcome.naiveMissed()).as("events the naive max-position reader never saw")
                    .isNotEmpty()
                    .containsAll(outcome.heldOpen());
        }
    }

    @Nested
    class InCpesMode {

        @Test
        void everyCommittedEventIsReadOnceInOneOrder() throws Exception {
            Outcome outcome = run(EventStoreMode.CPES);
            outcome.assertEveryReaderSawExactlyTheCommittedEventsInOneOrder();
            // dense positions assigned under the global lock: even following the position is safe
            assertThat(outcome.naiveMissed()).isEmpty();
        }
    }

    private Outcome run(EventStoreMode mode) throws Exception {
        try (TestDatabase database = TestDatabase.migrated();
             HikariDataSource poolA = database.newPool(8);
             HikariDataSource poolB = database.newPool(8);
             HikariDataSource raw = database.newPool(4);
             PostgresEventStore storeA = new PostgresEventStore(poolA, EventStoreSettings.defaults(mode), Executors.defaultThreadFactory());
             PostgresEventStore storeB = new PostgresEventStore(poolB, EventStoreSettings.defaults(mode), Executors.defaultThreadFactory())) {
            ExecutorService threads = Executors.newCachedThreadPool();
            Set<String> committed = ConcurrentHashMap.newKeySet();
            Set<String> rolledBack = ConcurrentHashMap.newKeySet();
            Map<String, List<String>> aggregateOrder = new ConcurrentHashMap<>();
            AtomicBoolean writing = new AtomicBoolean(true);

            // a transaction that inserts first and commits only seconds later
            List<String> held = ids(5);
            CountDownLatch heldInserted = new CountDownLatch(1);
            Future<?> heldTx = threads.submit(() -> {
                rawInsert(raw, mode, held, () -> {
                    heldInserted.countDown();
                    sleep(HELD_OPEN.toMillis());
                    return true;
                });
                committed.addAll(held);
                return null;
            });
            assertThat(heldInserted.await(10, TimeUnit.SECONDS)).isTrue();

            // readers (ours, alternating instances) and a naive max-position reader
            List<Future<List<StoredEvent>>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                PostgresEventStore first = r % 2 == 0 ? storeA : storeB;
                PostgresEventStore second = r % 2 == 0 ? storeB : storeA;
                readers.add(threads.submit(() -> tail(first, second, writing)));
            }
            Future<List<String>> naive = threads.submit(() -> naiveTail(raw, writing));

            // writers on both instances, and transactions that roll back
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                PostgresEventStore store = w % 2 == 0 ? storeA : storeB;
                writers.add(threads.submit(() -> {
                    write(store, committed, aggregateOrder);
                    return null;
                }));
            }
            writers.add(threads.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    List<String> doomed = ids(3);
                    rawInsert(raw, mode, doomed, () -> {
                        sleep(ThreadLocalRandom.current().nextInt(20));
                        return false;
                    });
                    rolledBack.addAll(doomed);
                }
                return null;
            }));
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
            heldTx.get(1, TimeUnit.MINUTES);
            writing.set(false);

            List<List<String>> seen = new ArrayList<>();
            for (Future<List<StoredEvent>> reader : readers) {
                seen.add(reader.get(2, TimeUnit.MINUTES).stream().map(StoredEvent::eventId).toList());
            }
            List<String> naiveSeen = naive.get(2, TimeUnit.MINUTES);
            threads.shutdownNow();
            Set<String> missed = new HashSet<>(committed);
            naiveSeen.forEach(missed::remove);
            return new Outcome(Set.copyOf(committed), Set.copyOf(rolledBack), Map.copyOf(aggregateOrder), seen, held, missed);
        }
    }

    /** Appends 1-3 events at a time to the writer's own aggregates, with the right expectations. */
    private static void write(PostgresEventStore store, Set<String> committed, Map<String, List<String>> aggregateOrder) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> aggregates = ids(10);
        Map<String, Long> sequences = new HashMap<>();
        for (int i = 0; i < APPENDS_PER_WRITER; i++) {
            String aggregate = aggregates.get(random.nextInt(aggregates.size()));
            long expected = sequences.getOrDefault(aggregate, 0L);
            List<NewEvent> events = new ArrayList<>();
            for (int e = 0, n = 1 + random.nextInt(3); e < n; e++) {
                events.add(NewEvent.of(UUID.randomUUID().toString(), "Changed", "{\"i\":" + i + "}"));
            }
            AppendResult result = store.append(AppendRequest.toAggregate(aggregate, expected, events));
            sequences.put(aggregate, expected + events.size());
            List<String> order = aggregateOrder.computeIfAbsent(aggregate, a -> Collections.synchronizedList(new ArrayList<>()));
            result.events().forEach(appended -> {
                committed.add(appended.eventId());
                order.add(appended.eventId());
            });
        }
    }

    /** Tails the stream in pages of 50, alternating instances, until writing stopped and nothing is left. */
    private static List<StoredEvent> tail(PostgresEventStore first, PostgresEventStore second, AtomicBoolean writing) {
        List<StoredEvent> read = new ArrayList<>();
        StreamPosition cursor = StreamPosition.START;
        boolean flip = false;
        while (true) {
            boolean stillWriting = writing.get();
            EventBatch batch = (flip ? first : second).readAfter(cursor, EventFilter.ALL, 50);
            flip = !flip;
            read.addAll(batch.events());
            if (batch.events().isEmpty() && batch.next().equals(cursor)) {
                if (!stillWriting) {
                    return read;
                }
                sleep(5);
            }
            cursor = batch.next();
        }
    }

    /** The classic bug: remember the highest position seen and read above it. */
    private static List<String> naiveTail(HikariDataSource dataSource, AtomicBoolean writing) throws SQLException {
        List<String> read = new ArrayList<>();
        long max = 0;
        while (true) {
            boolean stillWriting = writing.get();
            int rows = 0;
            try (Connection c = dataSource.getConnection();
                 PreparedStatement statement = c.prepareStatement(
                         "SELECT event_id, position FROM evento_event WHERE position > ? ORDER BY position LIMIT 50")) {
                statement.setLong(1, max);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        read.add(result.getString(1));
                        max = result.getLong(2);
                        rows++;
                    }
                }
            }
            if (rows == 0) {
                if (!stillWriting) {
                    return read;
                }
                sleep(5);
            }
        }
    }

    /** Inserts service events with the mode's own SQL in a raw transaction, then commits or rolls back. */
    private static void rawInsert(HikariDataSource dataSource, EventStoreMode mode, List<String> ids, Supplier<Boolean> commit) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (mode == EventStoreMode.CPES) {
                try (PreparedStatement lock = c.prepareStatement(EventStoreSql.LOCK_APPENDS)) {
                    lock.execute();
                }
            }
            String sql = switch (mode) {
                case HORIZON -> EventStoreSql.INSERT_HORIZON;
                case CPES -> EventStoreSql.INSERT_CPES;
                case APES -> EventStoreSql.INSERT_APES;
            };
            int n = ids.size();
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                insert.setArray(1, c.createArrayOf("text", ids.toArray()));
                insert.setArray(2, c.createArrayOf("text", new String[n]));
                insert.setArray(3, c.createArrayOf("bigint", new Long[n]));
                insert.setArray(4, c.createArrayOf("text", Collections.nCopies(n, "Raw").toArray()));
                insert.setArray(5, c.createArrayOf("text", Collections.nCopies(n, "default").toArray()));
                insert.setArray(6, c.createArrayOf("text", Collections.nCopies(n, "{}").toArray()));
                insert.setArray(7, c.createArrayOf("text", Collections.nCopies(n, "{}").toArray()));
                insert.setArray(8, c.createArrayOf("text", new String[0]));
                insert.setArray(9, c.createArrayOf("bigint", new Long[0]));
                insert.executeQuery().close();
            }
            if (commit.get()) {
                c.commit();
            } else {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Outcome(Set<String> committed, Set<String> rolledBack, Map<String, List<String>> aggregateOrder,
                           List<List<String>> readers, List<String> heldOpen, Set<String> naiveMissed) {

        void assertEveryReaderSawExactlyTheCommittedEventsInOneOrder() {
            assertThat(committed).hasSizeGreaterThan(WRITERS * APPENDS_PER_WRITER);
            List<String> reference = readers.get(0);
            for (List<String> read : readers) {
                assertThat(read).as("no event read twice").doesNotHaveDuplicates();
                assertThat(read).as("nothing rolled back is read").doesNotContainAnyElementsOf(rolledBack);
                assertThat(Set.copyOf(read)).as("every committed event is read").isEqualTo(committed);
                assertThat(read).as("every reader sees the same order").isEqualTo(reference);
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < reference.size(); i++) {
                index.put(reference.get(i), i);
            }
            aggregateOrder.forEach((aggregate, ids) -> {
                List<Integer> places = ids.stream().map(index::get).toList();
                assertThat(places).as("aggregate %s in sequence order", aggregate).isSorted();
            });
        }
    }
}
