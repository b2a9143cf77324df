package io.evento.server.status.rest;

import jakarta.annotation.security.RolesAllowed;
import io.evento.server.security.Role;
import io.evento.server.cluster.ClusterMember;
import io.evento.server.cluster.ClusterView;
import io.evento.server.database.DatabaseStatus;
import io.evento.server.routing.ConnectionRoutes;
import io.evento.server.routing.RouteDirectory;
import io.evento.server.status.ServerStatus;
import io.evento.server.status.ServerStatusPublisher;
import io.evento.server.status.jpa.ServerStatusStore;
import io.evento.server.store.EventStore;
import io.evento.server.store.EventStoreAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/status}: every server instance (members of the cluster now, and instances that
 * published lately), its health and load, the bundle instances connected to it; and the store.
 */
@Path("status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_ROLE)
public class StatusResource {

    static final Duration STALE = Duration.ofSeconds(15);

    private ClusterView cluster;
    private ServerStatusStore store;
    private ServerStatusPublisher self;
    private RouteDirectory routes;
    private EventStoreAccess events;
    private DatabaseStatus database;

    public StatusResource() {
        // for CDI
    }

    @Inject
    public StatusResource(ClusterView cluster, ServerStatusStore store, ServerStatusPublisher self, RouteDirectory routes,
                          EventStoreAccess events, DatabaseStatus database) {
        this.cluster = cluster;
        this.store = store;
        this.self = self;
        this.routes = routes;
        this.events = events;
        this.database = database;
    }

    /**
     * @param kind    {@code hazelcast} or {@code standalone}
     * @param members every server instance
     * @param store   the System State Store
     */
    public record ClusterHealth(String kind, List<Member> members, Store store) {
    }

    /**
     * @param memberId    cluster member id
     * @param instanceId  Evento instance id
     * @param url         HTTP URL
     * @param self        the instance answering
     * @param inCluster   a member of the cluster now
     * @param ready       ready at its last report
     * @param stale       its last report is older than 15 s
     * @param connections bundle connections
     * @param requests    requests in flight
     * @param invocations invocations in flight
     * @param reportedAt  its last report
     * @param bundles     bundle instances connected to it
     */
    public record Member(String memberId, String instanceId, String url, boolean self, boolean inCluster, boolean ready, boolean stale,
                         int connections, int requests, int invocations, Instant reportedAt, List<BundleInstance> bundles) {
    }

    /**
     * @param bundleId   the bundle
     * @param version    its version
     * @param instanceId the bundle instance
     * @param enabled    takes invocations
     * @param handlers   handlers it registered
     */
    public record BundleInstance(String bundleId, long version, String instanceId, boolean enabled, int handlers) {
    }

    /**
     * @param mode          the ordering mode
     * @param head          the head position
     * @param storeId       the store's id
     * @param schemaVersion the migrated schema version
     */
    public record Store(String mode, String head, String storeId, String schemaVersion) {
    }

    @GET
    public ClusterHealth status() {
        Map<String, ServerStatus> reports = new LinkedHashMap<>();
        for (ServerStatus status : store.all()) {
            reports.put(status.memberId(), status);
        }
        ServerStatus mine = self.now();
        reports.put(mine.memberId(), mine);
        Map<String, ClusterMember> members = new LinkedHashMap<>();
        cluster.members().forEach(m -> members.put(m.memberId(), m));
        Instant now = Instant.now();
        List<Member> all = new ArrayList<>();
        for (String memberId : union(members.keySet(), reports.keySet())) {
            ServerStatus report = reports.get(memberId);
            ClusterMember member = members.get(memberId);
            if (member == null && (report == null || report.reportedAt().isBefore(now.minus(STALE.multipliedBy(4))))) {
                continue;
            }
            boolean stale = report == null || report.reportedAt().isBefore(now.minus(STALE));
            List<BundleInstance> bundles = routes.all().stream().filter(c -> c.memberId().equals(memberId))
                    .sorted(Comparator.comparing(ConnectionRoutes::bundleId).thenComparing(ConnectionRoutes::instanceId))
                    .map(c -> new BundleInstance(c.bundleId(), c.bundleVersion(), c.instanceId(), c.enabled(), c.handlers().size()))
                    .toList();
            all.add(new Member(memberId, report != null ? report.instanceId() : member.instanceId(),
                    report != null && report.url() != null ? report.url() : member == null ? null : member.httpUrl(),
                    memberId.equals(mine.memberId()), member != null, report != null && report.ready() && !stale, stale,
                    report == null ? 0 : report.connections(), report == null ? 0 : report.requests(),
                    report == null ? 0 : report.invocations(), report == null ? null : report.reportedAt(), bundles));
        }
        EventStore eventStore = events.get();
        return new ClusterHealth(cluster.kind(), all, new Store(eventStore.mode().name(), eventStore.head().toString(),
                database.storeId().orElse(null), database.schemaVersion()));
    }

    private static List<String> union(java.util.Collection<String> a, java.util.Collection<String> b) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
