package io.evento.server.flow.rest;

import jakarta.annotation.security.RolesAllowed;
import io.evento.server.security.Role;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.admin.rest.Page;
import io.evento.server.admin.rest.PageRequest;
import io.evento.server.catalog.Catalog;
import io.evento.server.catalog.CatalogView;
import io.evento.server.flow.ApplicationGraph;
import io.evento.server.flow.Flow;
import io.evento.server.flow.FlowModel;
import io.evento.server.routing.ConnectionRoutes;
import io.evento.server.routing.RouteDirectory;
import io.evento.server.telemetry.HandlerTelemetry;
import io.evento.server.telemetry.jpa.TelemetryStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /api/graph}: components and the messages between them. {@code GET /api/flows}: every
 * flow with its performance evaluation over the last {@code minutes} of telemetry (default 15);
 * {@code GET /api/flows/{root}}: one flow.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_ROLE)
public class FlowResource {

    static final int MAX_MINUTES = 7 * 24 * 60;

    private Catalog catalog;
    private TelemetryStore telemetry;
    private HandlerTelemetry clock;
    private RouteDirectory routes;

    public FlowResource() {
        // for CDI
    }

    @Inject
    public FlowResource(Catalog catalog, TelemetryStore telemetry, HandlerTelemetry clock, RouteDirectory routes) {
        this.catalog = catalog;
        this.telemetry = telemetry;
        this.clock = clock;
        this.routes = routes;
    }

    @GET
    @Path("graph")
    public ApplicationGraph graph(@QueryParam("minutes") String minutes) {
        int window = minutes(minutes);
        return ApplicationGraph.of(catalog.view(), telemetry.sends(clock.minute() - window + 1));
    }

    @GET
    @Path("flows")
    public Page<Flow> flows(@QueryParam("minutes") String minutes, @QueryParam("q") String text, @QueryParam("page") String page,
                            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        String find = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return Page.of(model(minutes(minutes)).flows().stream().filter(f -> f.root().toLowerCase(Locale.ROOT).contains(find)).toList(),
                request);
    }

    @GET
    @Path("flows/{root}")
    public Flow flow(@PathParam("root") String root, @QueryParam("minutes") String minutes) {
        return model(minutes(minutes)).flows().stream().filter(f -> f.root().equals(root)).findFirst()
                .orElseThrow(() -> new EventoException(ErrorCode.NOT_FOUND, "no flow starts at '" + PageRequest.abbreviate(root) + "'"));
    }

    private FlowModel model(int window) {
        long since = clock.minute() - window + 1;
        CatalogView view = catalog.view();
        Map<String, Integer> instances = routes.all().stream().filter(ConnectionRoutes::enabled)
                .collect(Collectors.groupingBy(ConnectionRoutes::bundleId,
                        Collectors.collectingAndThen(Collectors.mapping(ConnectionRoutes::instanceId, Collectors.toSet()), java.util.Set::size)));
        return new FlowModel(view, telemetry.window(since, window * 60.0), telemetry.sends(since), instances);
    }

    private static int minutes(String text) {
        int value = PageRequest.number(text, "minutes", 15);
        if (value < 1 || value > MAX_MINUTES) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "minutes must be between 1 and " + MAX_MINUTES + ", got " + value);
        }
        return value;
    }
}
