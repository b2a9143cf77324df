package io.evento.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.evento.payara.database.ThrowawayDatabase;
import io.evento.server.database.SchemaMigration;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.EventBatch;
import io.evento.server.store.EventFilter;
import io.evento.server.store.EventStoreMode;
import io.evento.server.store.EventStoreSettings;
import io.evento.server.store.NewEvent;
import io.evento.server.store.StreamPosition;
import io.evento.server.store.jdbc.EventStoreSql;
import io.evento.server.store.jdbc.PostgresEventStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Append and catch-up throughput of the System State Store on the local PostgreSQL, against a raw
 * JDBC baseline measured in the same run: one single-row INSERT per transaction into a table of
 * the same shape. Usage: {@code bench/run event-store [seconds-per-run]}.
 */
public final class EventStoreBenchmark {

    private static final String PAYLOAD = "{\"listId\":\"7d1f0c9e-3a52-4c1e-9f55-0b9e6a2f4d11\",\"itemId\":\"c0ffee00-1234-5678-9abc-def012345678\","
            + "\"text\":\"buy oat milk and two loaves of bread\",\"addedBy\":\"ann@example.org\",\"priority\":3}";
    private static final String METADATA = "{\"user\":\"ann\",\"correlation\":\"2f6d1c7e-0b8a-4f3e-a1d2-9c8b7a6f5e4d\"}";
    private static final int[] APPENDERS = java.util.Arrays.stream(System.getProperty("appenders", "1,16").split(",")).mapToInt(Integer::parseInt).toArray();

    private static final int REPEATS = Integer.getInteger("repeats", 3);

    private final long runMillis;
    private final long warmupMillis;

    private EventStoreBenchmark(long runMillis) {
        this.runMillis = runMillis;
        this.warmupMillis = Math.min(2000, runMillis / 3);
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 5;
        new EventStoreBenchmark(seconds * 1000).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "Evento event store benchmark: %d s per run (+%d ms warm-up), payload %d bytes, PostgreSQL at %s%n",
                runMillis / 1000, warmupMillis, PAYLOAD.length(), ThrowawayDatabase.testUrl());
        System.out.println("Each mode run follows a raw JDBC baseline run in the same database, " + REPEATS
                + " times alternating; the tables show medians (the machine's noise is large).");
        System.out.println();
        Map<String, double[]> rates = new LinkedHashMap<>();
        Map<EventStoreMode, Double> catchUp = new EnumMap<>(EventStoreMode.class);
        Map<EventStoreMode, double[]> ceilings = new EnumMap<>(EventStoreMode.class);
        boolean warm = false;
        for (EventStoreMode mode : modes()) {
            try (ThrowawayDatabase database = ThrowawayDatabase.create("evento_bench");
                 HikariDataSource pool = pool(database.jdbcUrl(), 24)) {
                new SchemaMigration(pool).migrate();
                try (Connection c = pool.getConnection(); Statement statement = c.createStatement()) {
                    statement.execute("CREATE TABLE bench_raw_event (LIKE evento_event INCLUDING ALL)");
                }
                EventStoreSettings settings = EventStoreSettings.defaults(mode)
                        .withWriters(Integer.getInteger("writers", EventStoreSettings.defaults(mode).writers()))
                        .withBatchWait(java.time.Duration.ofNanos(1000L * Integer.getInteger("waitMicros", 0)));
                try (PostgresEventStore store = new PostgresEventStore(pool, settings, Executors.defaultThreadFactory())) {
                    if (!warm) {
                        measure(16, appender -> new StoreAppender(store));
                        measure(16, appender -> new RawAppender(pool));
                        warm = true;
                    }
                    double[] baseline = new double[APPENDERS.length];
                    double[] perAppenders = new double[APPENDERS.length];
                    for (int i = 0; i < APPENDERS.length; i++) {
                        double[] baselineRuns = new double[REPEATS];
                        double[] storeRuns = new double[REPEATS];
                        for (int r = 0; r < REPEATS; r++) {
                            baselineRuns[r] = measure(APPENDERS[i], appender -> new RawAppender(pool));
                            io.evento.server.store.jdbc.WriteStatistics before = store.writeStatistics();
                            storeRuns[r] = measure(APPENDERS[i], appender -> new StoreAppender(store));
                            io.evento.server.store.jdbc.WriteStatistics run = store.writeStatistics().since(before);
                            System.out.printf(Locale.ROOT, "  %-8s %3d appender(s), run %d: %,8.0f events/s (baseline %,8.0f/s, ratio %.2f), %.1f events per transaction, %.2f ms per transaction%n",
                                    mode, APPENDERS[i], r + 1, storeRuns[r], baselineRuns[r], storeRuns[r] / baselineRuns[r],
                                    run.eventsPerBatch(), run.millisPerBatch());
                        }
                        baseline[i] = median(baselineRuns);
                        perAppenders[i] = median(storeRuns);
                    }
                    rates.put(mode + (mode == EventStoreMode.HORIZON ? " (default)" : ""), concat(perAppenders, baseline));
                    ceilings.put(mode, ceiling(pool, store, mode, perAppenders[APPENDERS.length - 1], baseline[APPENDERS.length - 1]));
                    bulkLoad(store, 200_000);
                    Thread.sleep(settings.fetchDelay().toMillis() + 100);
                    catchUp(store);
                    catchUp.put(mode, catchUp(store));
                }
            }
        }
        print(rates, catchUp);
        printCeilings(ceilings);
    }

    /**
     * What PostgreSQL alone commits with as many events in flight as the largest appender count:
     * one connection with all of them per transaction, two with half each (medians of the
     * repetitions); and the store again with the same number of appenders written as asynchronous
     * loops instead of parked threads. Returns {1 connection, 2 connections, store, baseline, store async}.
     */
    private double[] ceiling(HikariDataSource pool, PostgresEventStore store, EventStoreMode mode, double storeRate, double baseline) throws Exception {
        int inFlight = APPENDERS[APPENDERS.length - 1];
        double[] one = new double[REPEATS];
        double[] two = new double[REPEATS];
        double[] async = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            one[r] = measure(1, a -> new CeilingAppender(pool, mode, inFlight));
            two[r] = inFlight < 2 ? one[r] : measure(2, a -> new CeilingAppender(pool, mode, inFlight / 2));
            async[r] = measureAsync(store, inFlight);
            System.out.printf(Locale.ROOT, "  %-8s PostgreSQL alone, %d events in flight, run %d: 1 x %d: %,8.0f events/s, 2 x %d: %,8.0f events/s;"
                            + " store with %d asynchronous appenders: %,8.0f events/s%n",
                    mode, inFlight, r + 1, inFlight, one[r], inFlight / 2, two[r], inFlight, async[r]);
        }
        return new double[]{median(one), median(two), storeRate, baseline, median(async)};
    }

    /**
     * Events per second of {@code appenders} appenders that are asynchronous loops rather than
     * threads, as the server uses the store: each sends its next append (same events and
     * aggregates as {@link StoreAppender}) from the completion of the one before, so no thread
     * parks and none has to be woken. Still at most one append in flight per appender.
     */
    private double measureAsync(PostgresEventStore store, int appenders) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.MILLISECONDS.toNanos(warmupMillis);
        long end = measureFrom + TimeUnit.MILLISECONDS.toNanos(runMillis);
        LongAdder counted = new LongAdder();
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(appenders);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int a = 0; a < appenders; a++) {
            new AsyncAppender(store, end, measureFrom, counted, finished, failure).next();
        }
        finished.await();
        if (failure.get() != null) {
            throw new IllegalStateException("an asynchronous append failed", failure.get());
        }
        return counted.sum() / (runMillis / 1000.0);
    }

    /** One asynchronous appender: the next append leaves from the completion of the previous one. */
    private static final class AsyncAppender {
        private final PostgresEventStore store;
        private final long end;
        private final long measureFrom;
        private final LongAdder counted;
        private final java.util.concurrent.CountDownLatch finished;
        private final java.util.concurrent.atomic.AtomicReference<Throwable> failure;
        private final OwnAggregates own = new OwnAggregates();

        AsyncAppender(PostgresEventStore store, long end, long measureFrom, LongAdder counted,
                      java.util.concurrent.CountDownLatch finished, java.util.concurrent.atomic.AtomicReference<Throwable> failure) {
            this.store = store;
            this.end = end;
            this.measureFrom = measureFrom;
            this.counted = counted;
            this.finished = finished;
            this.failure = failure;
        }

        void next() {
            long now = System.nanoTime();
            if (now >= end) {
                finished.countDown();
                return;
            }
            int i = own.next();
            store.appendAsync(List.of(AppendRequest.toAggregate(own.id(i), own.last(i),
                    List.of(new NewEvent(UUID.randomUUID().toString(), "TodoItemAdded", "default", PAYLOAD, METADATA))))).whenComplete((result, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                    finished.countDown();
                    return;
                }
                own.advance(i);
                if (now >= measureFrom) {
                    counted.increment();
                }
                next();
            });
        }
    }

    private static void printCeilings(Map<EventStoreMode, double[]> ceilings) {
        int inFlight = APPENDERS[APPENDERS.length - 1];
        System.out.println();
        System.out.printf(Locale.ROOT, "| mode | PostgreSQL alone, 1 x %d per transaction | 2 x %d | best / baseline | store, %d appenders | store / best "
                + "| store, %d asynchronous appenders | ratio to baseline |%n", inFlight, inFlight / 2, inFlight, inFlight);
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        ceilings.forEach((mode, c) -> {
            double best = Math.max(c[0], c[1]);
            System.out.printf(Locale.ROOT, "| %s | %,.0f/s | %,.0f/s | %.2fx | %,.0f/s | %.0f %% | %,.0f/s | %.2fx |%n",
                    mode, c[0], c[1], best / c[3], c[2], 100 * c[2] / best, c[4], c[4] / c[3]);
        });
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Fills the store for the catch-up measurement: 100-event appends from 8 threads. */
    private static void bulkLoad(PostgresEventStore store, int events) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(threads.submit(() -> {
                for (int i = 0; i < events / 8 / 100; i++) {
                    List<NewEvent> batch = new ArrayList<>();
                    for (int e = 0; e < 100; e++) {
                        batch.add(new NewEvent(UUID.randomUUID().toString(), "TodoItemAdded", "default", PAYLOAD, METADATA));
                    }
                    store.append(AppendRequest.toAggregate(UUID.randomUUID().toString(), 0, batch));
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        threads.shutdown();
    }

    private static List<EventStoreMode> modes() {
        String only = System.getProperty("modes");
        return only == null ? List.of(EventStoreMode.values())
                : java.util.Arrays.stream(only.split(",")).map(EventStoreMode::valueOf).toList();
    }

    /** Events per second with {@code appenders} concurrent appenders over the measured window. */
    private double measure(int appenders, java.util.function.IntFunction<Appender> factory) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(appenders);
        LongAdder counted = new LongAdder();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.MILLISECONDS.toNanos(warmupMillis);
        long end = measureFrom + TimeUnit.MILLISECONDS.toNanos(runMillis);
        List<Future<?>> futures = new ArrayList<>();
        for (int a = 0; a < appenders; a++) {
            Appender appender = factory.apply(a);
            futures.add(threads.submit(() -> {
                try (appender) {
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        int written = appender.appendOne();
                        if (now >= measureFrom) {
                            counted.add(written);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        threads.shutdown();
        return counted.sum() / (runMillis / 1000.0);
    }

    private double catchUp(PostgresEventStore store) {
        long start = System.nanoTime();
        long read = 0;
        StreamPosition cursor = StreamPosition.START;
        while (true) {
            EventBatch batch = store.readAfter(cursor, EventFilter.ALL, 1000);
            if (batch.events().isEmpty() && batch.next().equals(cursor)) {
                break;
            }
            read += batch.events().size();
            cursor = batch.next();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  catch-up %-8s read %,d events in %.2f s%n", store.mode(), read, seconds);
        return read / seconds;
    }

    private static void print(Map<String, double[]> rates, Map<EventStoreMode, Double> catchUp) {
        System.out.println();
        StringBuilder header = new StringBuilder("| mode |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int appenders : APPENDERS) {
            header.append(" ").append(appenders).append(" appender(s) | baseline | ratio |");
            rule.append("---:|---:|---:|");
        }
        System.out.println(header);
        System.out.println(rule);
        rates.forEach((name, values) -> {
            StringBuilder row = new StringBuilder("| " + name + " |");
            for (int i = 0; i < APPENDERS.length; i++) {
                double store = values[i];
                double baseline = values[APPENDERS.length + i];
                row.append(String.format(Locale.ROOT, " %,.0f/s | %,.0f/s | %.2fx |", store, baseline, store / baseline));
            }
            System.out.println(row);
        });
        System.out.println();
        System.out.println("| catch-up read (pages of 1000, 200k+ events) | events/s |");
        System.out.println("|---|---:|");
        catchUp.forEach((mode, rate) -> System.out.printf(Locale.ROOT, "| %s | %,.0f |%n", mode, rate));
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(ThrowawayDatabase.user());
        config.setPassword(ThrowawayDatabase.password());
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private interface Appender extends AutoCloseable {
        /** Appends once; returns the number of events written. */
        int appendOne() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** One event per append through the store, over 100 aggregates of its own. */
    private static final class StoreAppender implements Appender {
        private final PostgresEventStore store;
        private final OwnAggregates own = new OwnAggregates();

        StoreAppender(PostgresEventStore store) {
            this.store = store;
        }

        @Override
        public int appendOne() {
            int i = own.next();
            store.append(AppendRequest.toAggregate(own.id(i), own.last(i),
                    List.of(new NewEvent(UUID.randomUUID().toString(), "TodoItemAdded", "default", PAYLOAD, METADATA))));
            own.advance(i);
            return 1;
        }
    }

    /** The baseline: a dedicated connection, one single-row INSERT and one COMMIT per event. */
    private static final class RawAppender implements Appender {
        private final Connection connection;
        private final PreparedStatement insert;
        private final OwnAggregates own = new OwnAggregates();

        RawAppender(HikariDataSource pool) {
            try {
                connection = pool.getConnection();
                connection.setAutoCommit(false);
                insert = connection.prepareStatement("INSERT INTO bench_raw_event (position, event_id, aggregate_id, aggregate_sequence, "
                        + "event_type, context, payload, metadata) VALUES (nextval('evento_event_position_seq'), ?, ?, ?, ?, ?, ?::json, ?::json)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int appendOne() throws Exception {
            int i = own.next();
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, own.id(i));
            insert.setLong(3, own.advance(i));
            insert.setString(4, "TodoItemAdded");
            insert.setString(5, "default");
            insert.setString(6, PAYLOAD);
            insert.setString(7, METADATA);
            insert.executeUpdate();
            connection.commit();
            return 1;
        }

        @Override
        public void close() throws Exception {
            insert.close();
            connection.close();
        }
    }

    /**
     * PostgreSQL alone: one connection sending the store's own insert ({@link EventStoreSql#eventInsert})
     * of {@code perTransaction} events back to back, each a one-round-trip implicit transaction, on
     * aggregates of its own as the store's appenders use them. No queue, no thread hand-off, no store
     * code in between: with k such connections and k x n = the appenders' count, an upper bound for
     * any group commit with that many events in flight.
     */
    private static final class CeilingAppender implements Appender {
        private final Connection connection;
        private final PreparedStatement insert;
        private final EventStoreMode mode;
        private final int perTransaction;
        private final OwnAggregates own = new OwnAggregates();

        CeilingAppender(HikariDataSource pool, EventStoreMode mode, int perTransaction) {
            this.mode = mode;
            this.perTransaction = perTransaction;
            try {
                connection = pool.getConnection();
                connection.setAutoCommit(true);
                try (Statement generic = connection.createStatement()) {
                    generic.execute("SET plan_cache_mode = force_generic_plan");
                }
                insert = connection.prepareStatement(EventStoreSql.eventInsert(mode));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int appendOne() throws Exception {
            int n = perTransaction;
            String[] ids = new String[n];
            String[] aggregateIds = new String[n];
            Long[] sequenceColumn = new Long[n];
            Long[] follows = new Long[n];
            for (int e = 0; e < n; e++) {
                int i = own.next();
                ids[e] = UUID.randomUUID().toString();
                aggregateIds[e] = own.id(i);
                sequenceColumn[e] = own.advance(i);
                follows[e] = 0L;
            }
            String[] types = new String[n];
            String[] contexts = new String[n];
            String[] payloads = new String[n];
            String[] metadata = new String[n];
            java.util.Arrays.fill(types, "TodoItemAdded");
            java.util.Arrays.fill(contexts, "default");
            java.util.Arrays.fill(payloads, PAYLOAD);
            java.util.Arrays.fill(metadata, METADATA);
            Object[] parameters = {ids, aggregateIds, sequenceColumn, types, contexts, payloads, metadata, aggregateIds, follows};
            for (int p = 0; p < parameters.length; p++) {
                insert.setObject(p + 1, parameters[p]);
            }
            boolean rows = insert.execute();
            if (mode == EventStoreMode.CPES) {
                rows = insert.getMoreResults();
            }
            int written = 0;
            if (rows) {
                try (java.sql.ResultSet result = insert.getResultSet()) {
                    while (result.next()) {
                        written++;
                    }
                }
            }
            if (written != n) {
                throw new IllegalStateException("the insert wrote " + written + " of " + n + " events");
            }
            return n;
        }

        @Override
        public void close() throws Exception {
            insert.close();
            connection.close();
        }
    }

    /** The 100 aggregates of one appender, used in turn, with the last sequence each has reached. */
    private static final class OwnAggregates {
        private final String[] ids = new String[100];
        private final long[] sequences = new long[100];
        private int next;

        OwnAggregates() {
            for (int i = 0; i < ids.length; i++) {
                ids[i] = UUID.randomUUID().toString();
            }
        }

        /** The index of the next aggregate in turn. */
        int next() {
            return next++ % ids.length;
        }

        String id(int index) {
            return ids[index];
        }

        long last(int index) {
            return sequences[index];
        }

        /** Moves the aggregate one event on; returns its new last sequence. */
        long advance(int index) {
            return ++sequences[index];
        }
    }
}
