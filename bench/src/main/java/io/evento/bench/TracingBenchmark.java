package io.evento.bench;

import io.evento.bundle.EventoBundle;
import io.evento.bundle.api.Metadata;
import io.evento.bundle.tracing.HandledMessage;
import io.evento.bundle.tracing.TracingAgent;
import io.evento.payara.MicroCluster;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;
import io.evento.tracing.opentelemetry.OpenTelemetryTracingAgent;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What a tracing agent costs: a bundle with a counter aggregate and an invoker bundle (both in this
 * JVM) send domain commands through one server instance, {@code in-flight} at a time from tracked
 * invoker executions, with no agent (nothing propagated), the default correlation agent and the
 * OpenTelemetry agent (SDK with a batch span processor and an exporter that drops the spans, so the
 * figure is the agent's and the SDK's cost, not an exporter's). Prints commands/s and CPU per command.
 */
public final class TracingBenchmark {

    private static final String TOKEN = "bench-token";
    private static final int COUNTERS = 200;

    private TracingBenchmark() {
    }

    /** An agent that tracks nothing and propagates nothing. */
    private static final class NoAgent implements TracingAgent {
        @Override
        public Metadata sending(Metadata outgoing, HandledMessage handling) {
            return outgoing;
        }

        @Override
        public Metadata producing(HandledMessage handled) {
            return Metadata.EMPTY;
        }
    }

    /** Takes spans and drops them, counting. */
    private static final class DroppingExporter implements SpanExporter {
        final AtomicLong spans = new AtomicLong();

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAndGet(batch.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private record Variant(String name, Supplier<TracingAgent> agent) {
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        long warmup = Long.getLong("warmup", 15);
        Path root = MicroRecipe.projectDir();
        Path runtime = root.resolve("server/target/runtime");
        DroppingExporter exporter = new DroppingExporter();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        List<Variant> variants = List.of(new Variant("no agent", NoAgent::new), new Variant("default (correlation ids)", () -> null),
                new Variant("OpenTelemetry (SDK, spans dropped)", () -> new OpenTelemetryTracingAgent(sdk)));
        try (ThrowawayDatabase database = ThrowawayDatabase.create("evento_tracing_bench")) {
            MicroCluster.Settings settings = new MicroCluster.Settings(runtime.resolve("payara-micro.jar"), runtime.resolve("postgresql.jar"),
                    root.resolve("server/target/evento-server.war"), 1, Map.of("EVENTO_DB_URL", database.jdbcUrl(),
                    "EVENTO_DB_USER", ThrowawayDatabase.user(), "EVENTO_DB_PASSWORD", ThrowawayDatabase.password(), "EVENTO_BUS_TOKENS", TOKEN,
                    "EVENTO_DB_POOL_SIZE", "24"), System.getProperty("heap", "512m"), root.resolve("bench/target/tracing-bench"));
            System.out.printf(Locale.ROOT, "Evento tracing benchmark: %d s per agent after %d s of warm-up, %d commands in flight, one server%n",
                    seconds, warmup, inFlight);
            try (MicroCluster cluster = MicroCluster.prepare(MicroRecipe.fromProject(), settings).startAll(Duration.ofSeconds(240))) {
                CpuMeter meter = new CpuMeter(List.of(cluster.instance(0).pid()));
                String server = cluster.instance(0).baseUrl();
                List<String> rows = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    for (Variant variant : variants) {
                        String row = run(server, variant, round == 0 ? warmup : seconds, inFlight, meter);
                        if (round == 1) {
                            rows.add(row);
                        }
                    }
                }
                System.out.println();
                System.out.println("| agent | commands/s | server CPU per command | bundles' JVM CPU per command |");
                System.out.println("|---|---:|---:|---:|");
                rows.forEach(System.out::println);
                System.out.printf(Locale.ROOT, "(the OpenTelemetry SDK exported %,d spans)%n", exporter.spans.get());
            }
        } finally {
            sdk.close();
        }
    }

    private static String run(String server, Variant variant, long seconds, int inFlight, CpuMeter meter) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        try (EventoBundle counters = agent(EventoBundle.builder().bundleId("counters").servers(server).token(TOKEN)
                .components(Counters.CounterAggregate.class), variant).start();
             EventoBundle api = agent(EventoBundle.builder().bundleId("api").servers(server).token(TOKEN)
                     .components(Counters.Counting.class), variant).start()) {
            Counters.Counting counting = api.invoker(Counters.Counting.class);
            for (int i = 0; i < COUNTERS; i++) {
                counting.commands.sendAndWait(new Counters.Open("c-" + suffix + "-" + i));
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            AtomicLong done = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch finished = new CountDownLatch(inFlight);
            CpuMeter.Reading before = meter.read();
            for (int t = 0; t < inFlight; t++) {
                Runnable[] next = new Runnable[1];
                next[0] = () -> {
                    if (System.nanoTime() >= end || failure.get() != null) {
                        finished.countDown();
                        return;
                    }
                    try {
                        api.track(Counters.Counting.class, "count", () -> counting.commands.send(
                                new Counters.Count("c-" + suffix + "-" + ThreadLocalRandom.current().nextInt(COUNTERS))))
                                .whenComplete((event, error) -> {
                                    if (error != null) {
                                        failure.compareAndSet(null, error);
                                    } else {
                                        done.incrementAndGet();
                                    }
                                    next[0].run();
                                });
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                        finished.countDown();
                    }
                };
                next[0].run();
            }
            finished.await();
            CpuMeter.Reading used = meter.read().minus(before);
            if (failure.get() != null) {
                throw new IllegalStateException("a command failed", failure.get());
            }
            double commands = Math.max(1, done.get());
            String row = String.format(Locale.ROOT, "| %s | %,.0f | %.3f ms | %.3f ms |", variant.name, done.get() / (double) seconds,
                    used.serverTotal() / 1e6 / commands, used.generator() / 1e6 / commands);
            System.out.println("  " + row);
            return row;
        }
    }

    private static EventoBundle.Builder agent(EventoBundle.Builder builder, Variant variant) {
        TracingAgent agent = variant.agent.get();
        return agent == null ? builder : builder.tracingAgent(agent);
    }
}
