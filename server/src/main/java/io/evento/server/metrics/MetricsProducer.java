package io.evento.server.metrics;

import io.evento.server.command.Invocations;
import io.evento.server.connection.LocalConnections;
import io.evento.server.consumer.jpa.ConsumerReportStore;
import io.evento.server.routing.RequestRecorder;
import io.evento.server.routing.RequestRouter;
import io.evento.server.store.EventStoreAccess;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * This instance's meter registry (Prometheus format), the recorder the request router reports to,
 * and the scrape-time meters, registered when the application starts.
 */
@ApplicationScoped
public class MetricsProducer {

    private ServerMeters meters;

    @Produces
    @Singleton
    PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Produces
    @Singleton
    RequestRecorder requestRecorder(PrometheusMeterRegistry registry) {
        return new MicrometerRequestRecorder(registry);
    }

    @Produces
    @Singleton
    ConsumerLagMeters consumerLag(PrometheusMeterRegistry registry, ConsumerReportStore reports, EventStoreAccess store) {
        return new ConsumerLagMeters(registry, reports, store);
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, PrometheusMeterRegistry registry, RequestRouter router,
                 Invocations invocations, LocalConnections connections, EventStoreAccess store) {
        meters = new ServerMeters(router, invocations, connections, store).register(registry);
    }
}
