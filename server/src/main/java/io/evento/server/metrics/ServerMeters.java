package io.evento.server.metrics;

import io.evento.server.command.Invocations;
import io.evento.server.connection.LocalConnections;
import io.evento.server.routing.RequestRouter;
import io.evento.server.store.EventStoreAccess;
import io.evento.server.store.jdbc.WriteStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;

import java.util.function.ToDoubleFunction;

/**
 * The meters read when Prometheus scrapes (nothing on the command path): requests and invocations
 * in flight, bundle connections, and the event store's group-commit counters (appends, events,
 * batches, time writing, appends queued). Events per batch is
 * {@code rate(evento_store_events_total[1m]) / rate(evento_store_batches_total[1m])}. Meters refer
 * to this object, which its owner keeps (Micrometer holds gauges' objects weakly).
 */
public final class ServerMeters {

    private final RequestRouter router;
    private final Invocations invocations;
    private final LocalConnections connections;
    private final EventStoreAccess store;

    public ServerMeters(RequestRouter router, Invocations invocations, LocalConnections connections, EventStoreAccess store) {
        this.router = router;
        this.invocations = invocations;
        this.connections = connections;
        this.store = store;
    }

    /** Registers every scrape-time meter of this instance. */
    public ServerMeters register(MeterRegistry registry) {
        Gauge.builder("evento.requests.in.flight", this, m -> m.router.inFlight())
                .description("Requests of this instance's callers not answered yet").register(registry);
        Gauge.builder("evento.invocations.in.flight", this, m -> m.invocations.inFlight())
                .description("Handler invocations this instance's bundles are running").register(registry);
        Gauge.builder("evento.connections", this, m -> m.connections.all().size())
                .description("Bundle connections held by this instance").register(registry);
        counter(registry, "evento.store.appends", "Appends written (each one caller's atomic append)", WriteStatistics::appends);
        counter(registry, "evento.store.events", "Events written", WriteStatistics::events);
        counter(registry, "evento.store.batches", "Transactions the event writers committed", WriteStatistics::batches);
        counter(registry, "evento.store.write.seconds", "Time the event writers spent in the database", w -> w.writeMillis() / 1000.0);
        Gauge.builder("evento.store.appends.queued", this, m -> m.read(WriteStatistics::queued))
                .description("Appends waiting for an event writer").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return this;
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<WriteStatistics> value) {
        FunctionCounter.builder(name, this, m -> m.read(value)).description(description).register(registry);
    }

    private double read(ToDoubleFunction<WriteStatistics> value) {
        return store.writeStatistics().map(value::applyAsDouble).orElse(0.0);
    }
}
