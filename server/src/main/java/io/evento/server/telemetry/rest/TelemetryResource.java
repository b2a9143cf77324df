package io.evento.server.telemetry.rest;

import jakarta.annotation.security.RolesAllowed;
import io.evento.server.security.Role;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.admin.rest.Page;
import io.evento.server.admin.rest.PageRequest;
import io.evento.server.telemetry.HandlerKey;
import io.evento.server.telemetry.HandlerTelemetry;
import io.evento.server.telemetry.HandlerWindow;
import io.evento.server.telemetry.MinutePoint;
import io.evento.server.telemetry.jpa.TelemetryStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/telemetry/handlers}: every handler's invocations, failures, mean and longest
 * service time and rate over the last {@code minutes} (1 to 10080, default 15), cluster-wide;
 * {@code GET /api/telemetry/series}: one handler minute by minute.
 */
@Path("telemetry")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_ROLE)
public class TelemetryResource {

    static final int MAX_MINUTES = 7 * 24 * 60;

    private TelemetryStore store;
    private HandlerTelemetry telemetry;

    public TelemetryResource() {
        // for CDI
    }

    @Inject
    public TelemetryResource(TelemetryStore store, HandlerTelemetry telemetry) {
        this.store = store;
        this.telemetry = telemetry;
    }

    @GET
    @Path("handlers")
    public Page<HandlerWindow> handlers(@QueryParam("minutes") String minutes, @QueryParam("bundle") String bundle,
                                        @QueryParam("q") String text, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        int window = minutes(minutes, 15);
        String find = text == null ? "" : text.toLowerCase(Locale.ROOT);
        List<HandlerWindow> rows = store.window(telemetry.minute() - window + 1, window * 60.0).stream()
                .filter(h -> bundle == null || bundle.isBlank() || h.bundleId().equals(bundle))
                .filter(h -> (h.component() + " " + h.payloadType()).toLowerCase(Locale.ROOT).contains(find))
                .toList();
        return Page.of(rows, request);
    }

    @GET
    @Path("series")
    public List<MinutePoint> series(@QueryParam("bundle") String bundle, @QueryParam("component") String component,
                                    @QueryParam("payloadType") String payloadType, @QueryParam("minutes") String minutes) {
        if (blank(bundle) || blank(component) || blank(payloadType)) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "bundle, component and payloadType are required");
        }
        int window = minutes(minutes, 60);
        return store.series(new HandlerKey(bundle, component, payloadType), telemetry.minute() - window + 1);
    }

    static int minutes(String text, int fallback) {
        int value = PageRequest.number(text, "minutes", fallback);
        if (value < 1 || value > MAX_MINUTES) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "minutes must be between 1 and " + MAX_MINUTES + ", got " + value);
        }
        return value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
