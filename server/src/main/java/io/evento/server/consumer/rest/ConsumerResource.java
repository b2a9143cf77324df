package io.evento.server.consumer.rest;

import jakarta.annotation.security.RolesAllowed;
import io.evento.server.security.Role;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.ConsumerReport;
import io.evento.protocol.frame.ConsumerReport.DeadEventInfo;
import io.evento.server.admin.rest.Page;
import io.evento.server.admin.rest.PageRequest;
import io.evento.server.cluster.ClusterMember;
import io.evento.server.cluster.ClusterView;
import io.evento.server.consumer.ConsumerActions;
import io.evento.server.consumer.ReportedConsumer;
import io.evento.server.consumer.jpa.ConsumerReportStore;
import io.evento.server.routing.ConnectionRoutes;
import io.evento.server.routing.RouteDirectory;
import io.evento.server.store.EventStore;
import io.evento.server.store.EventStoreAccess;
import io.evento.server.store.StreamPosition;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Consumers as their bundles report them: {@code GET /api/consumers?q=&bundle=&kind=&dead=&page=&size=},
 * {@code GET /api/consumers/{id}}; actions (admin), delivered to the bundle instance that runs the
 * consumer: {@code POST .../dead-events/{eventId}/retry}, {@code POST .../dead-events/{eventId}/discard},
 * {@code PUT .../position}.
 */
@Path("consumers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_ROLE)
public class ConsumerResource {

    /** Lag is counted up to this many events. */
    static final long LAG_CAP = 100_000;
    static final Duration STALE = Duration.ofSeconds(20);

    private ConsumerReportStore reports;
    private ConsumerActions actions;
    private EventStoreAccess events;
    private RouteDirectory routes;
    private ClusterView cluster;

    public ConsumerResource() {
        // for CDI
    }

    @Inject
    public ConsumerResource(ConsumerReportStore reports, ConsumerActions actions, EventStoreAccess events, RouteDirectory routes,
                            ClusterView cluster) {
        this.reports = reports;
        this.actions = actions;
        this.events = events;
        this.routes = routes;
        this.cluster = cluster;
    }

    /**
     * A consumer.
     *
     * @param consumerId     {@code bundle:component:version:context}
     * @param bundleId       its bundle
     * @param component      its component
     * @param kind           PROJECTOR, SAGA or OBSERVER
     * @param context        the context pattern it reads ({@code *} all, {@code name*} a prefix)
     * @param instanceId     the bundle instance running it
     * @param server         the server instance that bundle instance is connected to
     * @param connected      whether that connection is still open
     * @param position       its last processed position, or null
     * @param lag            events of any type and context after its position (at most {@value #LAG_CAP})
     * @param lagCapped      whether there are more than that
     * @param caughtUp       whether it had reached the head at its last fetch
     * @param deadEventCount its dead events
     * @param deadEvents     the oldest of them
     * @param retrying       the event it is stuck on (a handler with {@code retries = -1} keeps failing), or null
     * @param reportedAt     its last report
     * @param stale          the last report is older than 20 s
     */
    public record ConsumerView(String consumerId, String bundleId, String component, ComponentKind kind, String context, String instanceId, String server,
                               boolean connected, String position, long lag, boolean lagCapped, boolean caughtUp, int deadEventCount,
                               List<DeadEventInfo> deadEvents, ConsumerReport.Retrying retrying, Instant reportedAt, boolean stale) {
    }

    /** The new position of a reset: {@code 0.0} replays from the start. */
    public record PositionChange(String position) {
    }

    @GET
    public Page<ConsumerView> list(@QueryParam("q") String text, @QueryParam("bundle") String bundle, @QueryParam("kind") String kind,
                                   @QueryParam("dead") String dead, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        ComponentKind wanted = kind == null || kind.isBlank() ? null : kind(kind);
        boolean onlyDead = flag(dead);
        String find = text == null ? "" : text.toLowerCase(Locale.ROOT);
        List<ReportedConsumer> matching = reports.all().stream()
                .filter(r -> r.status().consumerId().toLowerCase(Locale.ROOT).contains(find))
                .filter(r -> bundle == null || bundle.isBlank() || r.bundleId().equals(bundle))
                .filter(r -> wanted == null || r.status().kind() == wanted)
                .filter(r -> !onlyDead || r.status().deadEventCount() > 0)
                .toList();
        Page<ReportedConsumer> slice = Page.of(matching, request);
        Context context = context();
        return new Page<>(slice.items().stream().map(r -> view(r, context)).toList(), slice.page(), slice.size(), slice.total());
    }

    @GET
    @Path("{consumerId}")
    public ConsumerView one(@PathParam("consumerId") String consumerId) {
        return view(find(consumerId), context());
    }

    @RolesAllowed(Role.ADMIN_ROLE)
    @POST
    @Path("{consumerId}/dead-events/{eventId}/retry")
    public Response retry(@PathParam("consumerId") String consumerId, @PathParam("eventId") String eventId) {
        actions.perform(find(consumerId), "retry-dead-event", eventId, null);
        return Response.noContent().build();
    }

    @RolesAllowed(Role.ADMIN_ROLE)
    @POST
    @Path("{consumerId}/dead-events/{eventId}/discard")
    public Response discard(@PathParam("consumerId") String consumerId, @PathParam("eventId") String eventId) {
        actions.perform(find(consumerId), "discard-dead-event", eventId, null);
        return Response.noContent().build();
    }

    @RolesAllowed(Role.ADMIN_ROLE)
    @PUT
    @Path("{consumerId}/position")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reset(@PathParam("consumerId") String consumerId, PositionChange change) {
        if (change == null || change.position() == null) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "send {\"position\": \"tx.position\"} (0.0 replays everything)");
        }
        StreamPosition position;
        try {
            position = StreamPosition.parse(change.position().trim());
        } catch (IllegalArgumentException e) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "not a stream position (tx.position): '"
                    + PageRequest.abbreviate(change.position()) + "'");
        }
        actions.perform(find(consumerId), "reset-position", null, position.toString());
        return Response.noContent().build();
    }

    private ReportedConsumer find(String consumerId) {
        return reports.find(consumerId).orElseThrow(() -> new EventoException(ErrorCode.NOT_FOUND,
                "no consumer '" + PageRequest.abbreviate(consumerId) + "' has been reported"));
    }

    private record Context(EventStore store, Set<String> open, Map<String, String> servers, Instant now) {
    }

    private Context context() {
        return new Context(events.get(), routes.all().stream().map(ConnectionRoutes::connectionKey).collect(Collectors.toSet()),
                cluster.members().stream().collect(Collectors.toMap(ClusterMember::memberId, ClusterMember::instanceId, (a, b) -> a)),
                Instant.now());
    }

    private static ConsumerView view(ReportedConsumer r, Context context) {
        StreamPosition position = r.status().position() == null ? StreamPosition.START : parseOrStart(r.status().position());
        long lag = context.store().countAfter(position, LAG_CAP + 1);
        return new ConsumerView(r.status().consumerId(), r.bundleId(), r.status().component(), r.status().kind(), r.status().context(), r.instanceId(),
                context.servers().getOrDefault(r.memberId(), r.memberId()), context.open().contains(r.connectionKey()), r.status().position(),
                Math.min(lag, LAG_CAP), lag > LAG_CAP, r.status().caughtUp(), r.status().deadEventCount(), r.status().deadEvents(),
                r.status().retrying(), r.reportedAt(), r.reportedAt().isBefore(context.now().minus(STALE)));
    }

    private static StreamPosition parseOrStart(String text) {
        try {
            return StreamPosition.parse(text);
        } catch (IllegalArgumentException e) {
            return StreamPosition.START;
        }
    }

    private static ComponentKind kind(String text) {
        try {
            ComponentKind kind = ComponentKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
            if (kind == ComponentKind.PROJECTOR || kind == ComponentKind.SAGA || kind == ComponentKind.OBSERVER) {
                return kind;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new EventoException(ErrorCode.INVALID_REQUEST, "kind must be projector, saga or observer, got '" + PageRequest.abbreviate(text) + "'");
    }

    private static boolean flag(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new EventoException(ErrorCode.INVALID_REQUEST, "dead must be true or false");
        };
    }
}
