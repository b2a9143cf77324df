package io.evento.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.evento.bench.jpa.AppendedEvent;
import io.evento.payara.database.ThrowawayDatabase;
import io.evento.server.database.SchemaMigration;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.EventStoreMode;
import io.evento.server.store.EventStoreSettings;
import io.evento.server.store.NewEvent;
import io.evento.server.store.jdbc.PostgresEventStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends through JPA against the event store's JDBC group commit, same database, same appenders:
 * each appender adds one event per transaction to one of its 100 aggregates (the next sequence, so
 * the unique constraint is the optimistic check). JPA: EclipseLink (Payara's provider) persisting an
 * entity and committing, the position from the sequence. JDBC: {@link PostgresEventStore#append}
 * (HORIZON; concurrent appends coalesced into one transaction). Each phase runs twice, alternating,
 * after a warm-up of each. Usage: {@code bench/run jpa-append [seconds] [appenders]}.
 */
public final class JpaAppendBenchmark {

    private static final String PAYLOAD = "{\"listId\":\"7d1f0c9e-3a52-4c1e-9f55-0b9e6a2f4d11\",\"text\":\"buy oat milk and two loaves of bread\",\"priority\":3}";

    private JpaAppendBenchmark() {
    }

    /** Appends the aggregate's event with this sequence; fails on a conflict. */
    interface Appender {
        void append(String aggregateId, long sequence);
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        int appenders = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        try (ThrowawayDatabase database = ThrowawayDatabase.create("evento_jpa_bench");
             HikariDataSource pool = pool(database.jdbcUrl(), appenders)) {
            new SchemaMigration(pool).migrate();
            System.out.printf(Locale.ROOT, "JPA persist against JDBC group commit: %d appenders, %d s per phase, PostgreSQL %s%n",
                    appenders, seconds, ThrowawayDatabase.testUrl());
            EntityManagerFactory factory = Persistence.createEntityManagerFactory("evento-bench-append", Map.of(
                    "jakarta.persistence.nonJtaDataSource", pool));
            try (PostgresEventStore store = new PostgresEventStore(pool, EventStoreSettings.defaults(EventStoreMode.HORIZON),
                    Executors.defaultThreadFactory())) {
                Appender jpa = (aggregateId, sequence) -> {
                    try (EntityManager em = factory.createEntityManager()) {
                        em.getTransaction().begin();
                        em.persist(new AppendedEvent(UUID.randomUUID().toString(), aggregateId, sequence, "ItemAdded", PAYLOAD));
                        em.getTransaction().commit();
                    }
                };
                Appender jdbc = (aggregateId, sequence) -> store.append(AppendRequest.toAggregate(aggregateId, sequence - 1,
                        List.of(NewEvent.of(UUID.randomUUID().toString(), "ItemAdded", PAYLOAD))));
                run("warm-up JPA", jpa, appenders, Math.min(seconds, 5));
                run("warm-up JDBC", jdbc, appenders, Math.min(seconds, 5));
                double[] jpaRates = new double[2];
                double[] jdbcRates = new double[2];
                for (int round = 0; round < 2; round++) {
                    jpaRates[round] = run("JPA persist, one event per transaction", jpa, appenders, seconds);
                    jdbcRates[round] = run("JDBC group commit (the event store)", jdbc, appenders, seconds);
                }
                System.out.println();
                System.out.println("| append path | appends/s, run 1 | appends/s, run 2 |");
                System.out.println("|---|---:|---:|");
                System.out.printf(Locale.ROOT, "| JPA persist (EclipseLink), one event per transaction | %,.0f | %,.0f |%n", jpaRates[0], jpaRates[1]);
                System.out.printf(Locale.ROOT, "| JDBC group commit (PostgresEventStore, HORIZON) | %,.0f | %,.0f |%n", jdbcRates[0], jdbcRates[1]);
                System.out.printf(Locale.ROOT, "JDBC / JPA: %.1fx%n", (jdbcRates[0] + jdbcRates[1]) / (jpaRates[0] + jpaRates[1]));
            } finally {
                factory.close();
            }
        }
    }

    private static HikariDataSource pool(String jdbcUrl, int appenders) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(ThrowawayDatabase.user());
        config.setPassword(ThrowawayDatabase.password());
        config.setMaximumPoolSize(appenders + 2);
        // a JSON column takes the payload as text only when the driver leaves the parameter's type open
        config.addDataSourceProperty("stringtype", "unspecified");
        return new HikariDataSource(config);
    }

    /**
     * Appends for the given seconds from {@code appenders} threads, each over 100 aggregates of its
     * own (one event per append, the next sequence); prints and answers the rate.
     */
    static double run(String name, Appender appender, int appenders, long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong done = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(appenders);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < appenders; t++) {
            futures.add(threads.submit(() -> {
                String[] aggregates = new String[100];
                long[] sequences = new long[100];
                for (int i = 0; i < aggregates.length; i++) {
                    aggregates[i] = "bench-" + UUID.randomUUID();
                }
                int i = 0;
                while (System.nanoTime() < end) {
                    int a = i++ % aggregates.length;
                    appender.append(aggregates[a], ++sequences[a]);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        threads.shutdown();
        double rate = done.get() / (double) seconds;
        System.out.printf(Locale.ROOT, "  %-45s %,8.0f appends/s%n", name, rate);
        return rate;
    }
}
