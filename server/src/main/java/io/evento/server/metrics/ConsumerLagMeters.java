package io.evento.server.metrics;

import io.evento.server.consumer.ReportedConsumer;
import io.evento.server.consumer.jpa.ConsumerReportStore;
import io.evento.server.store.EventStore;
import io.evento.server.store.EventStoreAccess;
import io.evento.server.store.StreamPosition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.List;

/**
 * {@value #NAME}: every reported consumer's lag (events of any type after its position, at most
 * {@value #CAP}), tagged with consumer, bundle and kind. The same figures on every instance (they
 * come from the shared reports); refreshed when Prometheus scrapes, one count per consumer.
 */
public final class ConsumerLagMeters {

    static final String NAME = "evento.consumer.lag";
    static final long CAP = 100_000;

    private final ConsumerReportStore reports;
    private final EventStoreAccess store;
    private final MultiGauge lag;

    public ConsumerLagMeters(MeterRegistry registry, ConsumerReportStore reports, EventStoreAccess store) {
        this.reports = reports;
        this.store = store;
        this.lag = MultiGauge.builder(NAME).description("Events after a consumer's reported position (capped at " + CAP + ")")
                .register(registry);
    }

    /** Reads the reports and counts each consumer's lag now. */
    public void refresh() {
        EventStore events = store.get();
        List<MultiGauge.Row<?>> rows = new java.util.ArrayList<>();
        for (ReportedConsumer r : reports.all()) {
            rows.add(MultiGauge.Row.of(tags(r), Math.min(CAP, events.countAfter(position(r), CAP))));
        }
        lag.register(rows, true);
    }

    private static Tags tags(ReportedConsumer r) {
        return Tags.of("consumer", r.status().consumerId(), "bundle", r.bundleId(), "kind", r.status().kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static StreamPosition position(ReportedConsumer r) {
        try {
            return r.status().position() == null ? StreamPosition.START : StreamPosition.parse(r.status().position());
        } catch (IllegalArgumentException e) {
            return StreamPosition.START;
        }
    }
}
