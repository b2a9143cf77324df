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
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Domain commands through the bus, everything on this machine: a fake aggregate bundle (raw
 * protocol, one event per command) per server, callers keeping {@code concurrency} commands in
 * flight. Phases after a warm-up: one server with a warm aggregate cache (1000 aggregates), one
 * server with a cold cache (every command on a new aggregate), one server with the bundle's cache
 * off, one server paced at half the warm rate (open loop, for latency), two servers with a warm
 * cache; then the raw event store (16 appenders) in the same database. Each phase prints its rate,
 * latencies and the CPU per command of the server, the load generator and PostgreSQL.
 * With the two-server phase chosen, a warm-up through both servers comes first, so both JVMs have
 * compiled the whole path (the cluster hop too) before any phase is measured.
 * Usage: {@code bench/run bus [seconds] [concurrency]}; {@code -Dwarmup=seconds} (default 15),
 * {@code -Dphases=warm,cold,nocache,paced,two} to choose; {@code -Denv.NAME=value} sets a server setting
 * (e.g. {@code -Denv.EVENTO_ES_WRITERS=3}).
 */
public final class BusBenchmark {

    private static final String TOKEN = "bench-token";
    private static final String TYPE = "AddItem";
    private static final String PAYLOAD = "{\"listId\":\"7d1f0c9e-3a52-4c1e-9f55-0b9e6a2f4d11\",\"text\":\"buy oat milk and two loaves of bread\",\"priority\":3}";
    private static final AtomicLong NEW_AGGREGATES = new AtomicLong();

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        long warmup = Long.getLong("warmup", 15);
        List<String> phases = List.of(System.getProperty("phases", "warm,cold,nocache,paced,two").split(","));
        Path root = MicroRecipe.projectDir();
        Path runtime = root.resolve("server/target/runtime");
        try (ThrowawayDatabase database = ThrowawayDatabase.create("evento_bench")) {
            Map<String, String> env = new java.util.HashMap<>(Map.of(
                    "EVENTO_DB_URL", database.jdbcUrl(), "EVENTO_DB_USER", ThrowawayDatabase.user(),
                    "EVENTO_DB_PASSWORD", ThrowawayDatabase.password(), "EVENTO_BUS_TOKENS", TOKEN, "EVENTO_DB_POOL_SIZE", "24"));
            System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("env."))
                    .forEach(k -> env.put(k.substring(4), System.getProperty(k)));
            MicroCluster.Settings settings = new MicroCluster.Settings(runtime.resolve("payara-micro.jar"), runtime.resolve("postgresql.jar"),
                    root.resolve("server/target/evento-server.war"), 2, env,
                    System.getProperty("heap", "512m"), root.resolve("bench/target/bus-bench"));
            System.out.printf(Locale.ROOT, "Evento bus benchmark: %d s per phase after %d s of warm-up, %d commands in flight, PostgreSQL %s%n",
                    seconds, warmup, concurrency, ThrowawayDatabase.testUrl());
            try (MicroCluster cluster = MicroCluster.prepare(MicroRecipe.fromProject(), settings).startAll(Duration.ofSeconds(240))) {
                CpuMeter meter = new CpuMeter(List.of(cluster.instance(0).pid(), cluster.instance(1).pid()));
                List<String> one = List.of(cluster.instance(0).baseUrl());
                List<String> two = List.of(cluster.instance(0).baseUrl(), cluster.instance(1).baseUrl());
                List<Result> results = new ArrayList<>();
                if (phases.contains("two")) {
                    // both JVMs reach a steady JIT before anything is measured, the cluster path included
                    run(new Phase("warm-up, 2 servers", two, warmup, concurrency, 1000, true, 0), meter);
                }
                run(new Phase("warm-up", one, warmup, concurrency, 1000, true, 0), meter);
                Result warm = null;
                if (phases.contains("warm")) {
                    warm = run(new Phase("1 server, warm cache", one, seconds, concurrency, 1000, true, 0), meter);
                    results.add(warm);
                }
                if (phases.contains("cold")) {
                    results.add(run(new Phase("1 server, cold cache (new aggregate per command)", one, seconds, concurrency, 0, true, 0), meter));
                }
                if (phases.contains("nocache")) {
                    results.add(run(new Phase("1 server, bundle without cache", one, seconds, concurrency, 1000, false, 0), meter));
                }
                if (phases.contains("paced") && warm != null) {
                    results.add(run(new Phase("1 server, paced at half the warm rate", one, seconds, 1024, 1000, true, warm.rate / 2), meter));
                }
                if (phases.contains("two")) {
                    run(new Phase("warm-up again, 2 servers", two, Math.min(warmup, 10), concurrency, 1000, true, 0), meter);
                    results.add(run(new Phase("2 servers, warm cache", two, seconds, concurrency, 1000, true, 0), meter));
                }
                double store = storeBaseline(database.jdbcUrl(), seconds);
                System.out.println();
                System.out.println("| phase | commands/s | p50 | p99 | server CPU per command | load generator | PostgreSQL | ratio to raw store appends |");
                System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
                for (Result r : results) {
                    System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f ms | %.1f ms | %.3f ms | %.3f ms | %.3f ms | %.2fx |%n", r.name, r.rate,
                            r.p50, r.p99, r.serverCpuMillis, r.generatorCpuMillis, r.postgresCpuMillis, r.rate / store);
                }
                System.out.printf(Locale.ROOT, "| raw event store appends (16 appenders, 1 event each, same database) | %,.0f | | | | | | 1.00x |%n", store);
                Result twoServers = results.stream().filter(r -> r.name.startsWith("2 servers")).findFirst().orElse(null);
                if (warm != null && twoServers != null) {
                    System.out.printf(Locale.ROOT, "two servers / one server: %.2fx%n", twoServers.rate / warm.rate);
                }
            }
        }
    }

    /**
     * One phase.
     *
     * @param aggregates  aggregates the commands pick from (0: a new aggregate per command)
     * @param cache       whether the fake bundle keeps an aggregate cache
     * @param pacedRate   0: closed loop ({@code concurrency} in flight); above 0: that many commands per
     *                    second sent on schedule (latency measured from the scheduled time)
     */
    private record Phase(String name, List<String> servers, long seconds, int concurrency, int aggregates, boolean cache, double pacedRate) {
    }

    private record Result(String name, double rate, double p50, double p99, double serverCpuMillis, double generatorCpuMillis,
                          double postgresCpuMillis) {
    }

    private static Result run(Phase phase, CpuMeter meter) throws Exception {
        ComponentInfo aggregate = new ComponentInfo("TodoList", ComponentKind.AGGREGATE, 1,
                List.of(new HandlerInfo(TYPE, MessageKind.DOMAIN_COMMAND, "ItemAdded", false, null, List.of(), List.of())), null);
        ComponentInfo invoker = new ComponentInfo("Api", ComponentKind.INVOKER, 1, List.of(), null);
        List<BenchClient> clients = new ArrayList<>();
        List<BenchClient> callers = new ArrayList<>();
        String bundle = "todo-" + UUID.randomUUID().toString().substring(0, 6);
        String prefix = "list-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (String server : phase.servers) {
            FakeAggregate handler = new FakeAggregate(phase.cache);
            clients.add(new BenchClient(server, TOKEN, bundle, List.of(aggregate), handler, handler.cacheSize()));
            BenchClient caller = new BenchClient(server, TOKEN, "api", List.of(invoker), null);
            clients.add(caller);
            callers.add(caller);
        }
        Thread.sleep(500);
        CpuMeter.Reading before = meter.read();
        long[] all = phase.pacedRate > 0 ? paced(phase, callers, prefix) : closedLoop(phase, callers, prefix);
        CpuMeter.Reading used = meter.read().minus(before);
        clients.forEach(BenchClient::close);
        double commands = Math.max(1, all.length);
        Result result = new Result(phase.name, all.length / (double) phase.seconds, percentile(all, 0.5), percentile(all, 0.99),
                used.serverTotal() / 1e6 / commands, used.generator() / 1e6 / commands, used.postgres() / 1e6 / commands);
        System.out.printf(Locale.ROOT, "  %-50s %,8.0f commands/s  p50 %.1f ms  p99 %.1f ms  CPU per command: server %.3f ms, "
                        + "load generator %.3f ms, PostgreSQL %.3f ms  (%,d commands; machine busy %.0f%% of 2 cores)%n",
                phase.name, result.rate, result.p50, result.p99, result.serverCpuMillis, result.generatorCpuMillis, result.postgresCpuMillis,
                all.length, 100.0 * (used.serverTotal() + used.generator() + used.postgres()) / used.wallNanos() / 2);
        return result;
    }

    private static SendCommand command(String prefix, int aggregates) {
        String aggregateId = aggregates == 0 ? prefix + NEW_AGGREGATES.incrementAndGet()
                : prefix + ThreadLocalRandom.current().nextInt(aggregates);
        return new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, TYPE, RawJson.of(PAYLOAD), null, aggregateId,
                null, 30_000, "Api");
    }

    /** Closed loop: {@code concurrency} commands in flight, each answer sends the next (no thread waits for an answer). */
    private static long[] closedLoop(Phase phase, List<BenchClient> callers, String prefix) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(phase.seconds);
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(phase.concurrency);
        AtomicReference<Object> failure = new AtomicReference<>();
        for (int t = 0; t < phase.concurrency; t++) {
            BenchClient caller = callers.get(t % callers.size());
            long[] mine = new long[1 << 20];
            int[] n = {0};
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                if (System.nanoTime() >= end || failure.get() != null) {
                    latencies.add(Arrays.copyOf(mine, n[0]));
                    finished.countDown();
                    return;
                }
                long start = System.nanoTime();
                caller.request(command(prefix, phase.aggregates)).whenComplete((answer, error) -> {
                    if (!(answer instanceof CommandResult)) {
                        failure.compareAndSet(null, error != null ? error : answer);
                    } else if (n[0] < mine.length) {
                        mine[n[0]++] = System.nanoTime() - start;
                    }
                    next[0].run();
                });
            };
            next[0].run();
        }
        finished.await();
        if (failure.get() != null) {
            throw new IllegalStateException("command failed: " + failure.get());
        }
        return latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    /** Open loop: commands leave on a fixed schedule whatever the answers do; latency counts from the scheduled moment. */
    private static long[] paced(Phase phase, List<BenchClient> callers, String prefix) throws Exception {
        long interval = (long) (1e9 / phase.pacedRate);
        long start = System.nanoTime();
        long count = (long) (phase.pacedRate * phase.seconds);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        List<CompletableFuture<Frame>> pending = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            BenchClient caller = callers.get((int) (i % callers.size()));
            CompletableFuture<Frame> answer = caller.request(command(prefix, phase.aggregates));
            answer.whenComplete((frame, error) -> {
                if (frame instanceof CommandResult) {
                    latencies.add(System.nanoTime() - scheduled);
                } else {
                    failures.incrementAndGet();
                }
            });
            pending.add(answer);
        }
        for (CompletableFuture<Frame> answer : pending) {
            try {
                answer.join();
            } catch (RuntimeException e) {
                // counted above
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " paced commands failed");
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
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
                double rate = JpaAppendBenchmark.run("raw store", (aggregateId, sequence) -> store.append(AppendRequest.toAggregate(aggregateId,
                        sequence - 1, List.of(NewEvent.of(UUID.randomUUID().toString(), "ItemAdded", PAYLOAD)))), 16, seconds);
                return rate;
            }
        }
    }
}
