package io.evento.server.catalog;

import io.evento.server.catalog.jpa.CatalogStore;
import io.evento.server.cluster.ClusterMember;
import io.evento.server.cluster.ClusterView;
import io.evento.server.routing.RouteDirectory;
import io.evento.server.telemetry.HandlerTelemetry;
import io.evento.server.telemetry.jpa.TelemetryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.stream.Collectors;

/** Builds the catalogs from the registrations, the connections now and who sent what in the last 7 days. */
@ApplicationScoped
public class Catalog {

    static final long SENDS_MINUTES = 7 * 24 * 60;

    private CatalogStore store;
    private RouteDirectory routes;
    private ClusterView cluster;
    private TelemetryStore telemetry;
    private HandlerTelemetry clock;

    protected Catalog() {
        // for the CDI client proxy
    }

    @Inject
    public Catalog(CatalogStore store, RouteDirectory routes, ClusterView cluster, TelemetryStore telemetry, HandlerTelemetry clock) {
        this.store = store;
        this.routes = routes;
        this.cluster = cluster;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    public CatalogView view() {
        Map<String, String> servers = cluster.members().stream().collect(Collectors.toMap(ClusterMember::memberId,
                ClusterMember::instanceId, (a, b) -> a));
        return CatalogView.build(store.registrations(), store.descriptions(), routes.all(), servers,
                telemetry.sends(clock.minute() - SENDS_MINUTES));
    }

    public void describe(SubjectKind kind, String name, String description, String by) {
        store.describe(kind, name, description, by);
    }
}
