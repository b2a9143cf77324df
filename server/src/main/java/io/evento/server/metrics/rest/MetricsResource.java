package io.evento.server.metrics.rest;

import io.evento.protocol.EventoException;
import io.evento.server.metrics.ConsumerLagMeters;
import io.evento.server.security.Role;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /api/metrics}: this instance's metrics in the Prometheus text format (scrape each
 * instance; the viewer role, e.g. basic auth in the scrape configuration). Consumer lag is counted
 * at the scrape; while the database is away the other meters are still answered.
 */
@Path("metrics")
@RequestScoped
@RolesAllowed(Role.VIEWER_ROLE)
public class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final System.Logger LOG = System.getLogger(MetricsResource.class.getName());

    private PrometheusMeterRegistry registry;
    private ConsumerLagMeters lag;

    public MetricsResource() {
        // for CDI
    }

    @Inject
    public MetricsResource(PrometheusMeterRegistry registry, ConsumerLagMeters lag) {
        this.registry = registry;
        this.lag = lag;
    }

    @GET
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        try {
            lag.refresh();
        } catch (EventoException e) {
            LOG.log(System.Logger.Level.DEBUG, "consumer lag not counted for this scrape: " + e.getMessage());
        }
        return registry.scrape();
    }
}
