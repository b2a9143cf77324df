package io.evento.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.evento.payara.MicroCluster;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.HandlerInfo;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.NewEventRecord;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.json.RawJson;
import io.evento.server.database.SchemaMigration;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.EventStoreMode;
import io.evento.server.store.EventStoreSettings;
import io.evento.server.store.NewEvent;
import io.evento.server.store.jdbc.PostgresEventStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Domain commands through the bus: a fake aggregate bundle answering every command with one
 * event, callers keeping {@code concurrency} commands in flight over 1000 aggregates, through one
 * server instance and through two; and, in the same run, the raw event-store append rate (16
 * appenders, one event each) as the baseline. Usage: {@code bench/run bus [seconds] [concurrency]}.
 */
public final class BusBenchmark {

    private static final String TOKEN = "bench-token";
    private static final String TYPE = "AddItem";
    private static final String PAYLOAD = "{\"listId\":\"7d1f0c9e-3a52-4c1e-9f55-0b9e6a2f4d11\",\"text\":\"buy oat milk and two loaves of bread\",\"priority\":3}";

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path root = MicroRecipe.projectDir();
        Path runtime = root.resolve("server/target/runtime");
        try (ThrowawayDatabase database = ThrowawayDatabase.create("evento_bench")) {
            MicroCluster.Settings settings = new MicroCluster.Settings(runtime.resolve("payara-micro.jar"), runtime.resolve("postgresql.jar"),
                    root.resolve("server/target/evento-server.war"), 2, Map.of(
                    "EVENTO_DB_URL", database.jdbcUrl(), "EVENTO_DB_USER", ThrowawayDatabase.user(),
                    "EVENTO_DB_PASSWORD", ThrowawayDatabase.password(), "EVENTO_BUS_TOKENS", TOKEN, "EVENTO_DB_POOL_SIZE", "24"),
                    "512m", root.resolve("bench/target/bus-bench"));
            System.out.printf(Locale.ROOT, "Evento bus benchmark: %d s per run, %d commands in flight, 1000 aggregates, PostgreSQL %s%n",
                    seconds, concurrency, ThrowawayDatabase.testUrl());
            try (MicroCluster cluster = MicroCluster.prepare(MicroRecipe.fromProject(), settings).startAll(Duration.ofSeconds(240))) {
                List<String> one = List.of(cluster.instance(0).baseUrl());
                List<String> two = List.of(cluster.instance(0).baseUrl(), cluster.instance(1).baseUrl());
                run("warm-up", one, 3, concurrency);
                Result single = run("1 server", one, seconds, concurrency);
                Result both = run("2 servers", two, seconds, concurrency);
                double store = storeBaseline(database.jdbcUrl(), seconds);
                System.out.println();
                System.out.println("| path | commands/s | p50 | p99 | ratio to raw store appends |");
                System.out.println("|---|---:|---:|---:|---:|");
                for (Result r : List.of(single, both)) {
                    System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f ms | %.1f ms | %.2fx |%n", r.name, r.rate, r.p50, r.p99, r.rate / store);
                }
                System.out.printf(Locale.ROOT, "| raw event store appends (16 appenders, 1 event each, same database) | %,.0f | | | 1.00x |%n", store);
            }
        }
    }

    private record Result(String name, double rate, double p50, double p99) {
    }

    /** Aggregate bundles on each server, callers spread over them, {@code concurrency} commands in flight. */
    private static Result run(String name, List<String> servers, long seconds, int concurrency) throws Exception {
        ComponentInfo aggregate = new ComponentInfo("TodoList", ComponentKind.AGGREGATE, 1,
                List.of(new HandlerInfo(TYPE, MessageKind.DOMAIN_COMMAND, "ItemAdded", false, null, List.of(), List.of())), null);
        ComponentInfo invoker = new ComponentInfo("Api", ComponentKind.INVOKER, 1, List.of(), null);
        List<BenchClient> clients = new ArrayList<>();
        List<BenchClient> callers = new ArrayList<>();
        for (String server : servers) {
            clients.add(new BenchClient(server, TOKEN, "todo-" + name.replace(' ', '-'), List.of(aggregate), BusBenchmark::handle));
            BenchClient caller = new BenchClient(server, TOKEN, "api", List.of(invoker), null);
            clients.add(caller);
            callers.add(caller);
        }
        Thread.sleep(500);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[][] latencies = new long[concurrency][];
        AtomicLong done = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            int index = t;
            futures.add(threads.submit(() -> {
                BenchClient caller = callers.get(index % callers.size());
                long[] mine = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end) {
                    String aggregateId = "list-" + (int) (Math.random() * 1000);
                    long start = System.nanoTime();
                    Frame answer = caller.request(new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, TYPE,
                            RawJson.of(PAYLOAD), null, aggregateId, null, 30_000, "Api")).join();
                    if (!(answer instanceof CommandResult)) {
                        throw new IllegalStateException("command failed: " + answer);
                    }
                    if (n < mine.length) {
                        mine[n++] = System.nanoTime() - start;
                    }
                    done.incrementAndGet();
                }
                latencies[index] = Arrays.copyOf(mine, n);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        threads.shutdown();
        clients.forEach(BenchClient::close);
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        Result result = new Result(name, done.get() / (double) seconds, percentile(all, 0.5), percentile(all, 0.99));
        System.out.printf(Locale.ROOT, "  %-9s %,8.0f commands/s  p50 %.1f ms  p99 %.1f ms  (%,d commands)%n",
                name, result.rate, result.p50, result.p99, all.length);
        return result;
    }

    /** The aggregate: one event per command, built from the story's length. */
    private static Frame handle(Frame frame) {
        if (!(frame instanceof InvokeDomainCommand invoke)) {
            return null;
        }
        return new DomainCommandHandled(UUID.randomUUID().toString(), invoke.id(),
                new NewEventRecord("ItemAdded", RawJson.of("{\"item\":" + invoke.payload().json() + ",\"after\":"
                        + invoke.story().lastSequence() + "}"), null, null),
                invoke.story().events().size() >= 20 ? RawJson.of("{\"items\":" + (invoke.story().lastSequence() + 1) + "}") : null, false);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1e6;
    }

    /** The raw store: 16 appenders, one event per append, over 100 aggregates each. */
    private static double storeBaseline(String jdbcUrl, long seconds) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(ThrowawayDatabase.user());
        config.setPassword(ThrowawayDatabase.password());
        config.setMaximumPoolSize(8);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            new SchemaMigration(pool).migrate();
            try (PostgresEventStore store = new PostgresEventStore(pool, EventStoreSettings.defaults(EventStoreMode.HORIZON),
                    Executors.defaultThreadFactory())) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                AtomicLong done = new AtomicLong();
                ExecutorService threads = Executors.newFixedThreadPool(16);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    futures.add(threads.submit(() -> {
                        String[] aggregates = new String[100];
                        long[] sequences = new long[100];
                        for (int i = 0; i < aggregates.length; i++) {
                            aggregates[i] = "raw-" + UUID.randomUUID();
                        }
                        int i = 0;
                        while (System.nanoTime() < end) {
                            int a = i++ % aggregates.length;
                            store.append(AppendRequest.toAggregate(aggregates[a], sequences[a],
                                    List.of(NewEvent.of(UUID.randomUUID().toString(), "ItemAdded", PAYLOAD))));
                            sequences[a]++;
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
                System.out.printf(Locale.ROOT, "  raw store %,8.0f appends/s%n", rate);
                return rate;
            }
        }
    }
}
