package io.evento.server.store.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.admin.rest.Page;
import io.evento.server.admin.rest.PageRequest;
import io.evento.server.security.Role;
import io.evento.server.store.EventStore;
import io.evento.server.store.EventStoreAccess;
import io.evento.server.store.EventStoreMode;
import io.evento.server.store.StreamPosition;
import io.evento.server.store.jpa.EventSearch;
import io.evento.server.store.jpa.StateStoreBrowser;
import io.evento.server.store.rest.StoreViews.Aggregate;
import io.evento.server.store.rest.StoreViews.Event;
import io.evento.server.store.rest.StoreViews.EventPage;
import io.evento.server.store.rest.StoreViews.Head;
import io.evento.server.store.rest.StoreViews.SnapshotView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Browse and search the System State Store: {@code GET /api/store/head};
 * {@code /events?after=&before=&type=&context=&aggregate=&from=&to=&contains=&limit=} (a stream range,
 * types comma separated, an aggregate id, a creation-time range in ISO-8601, a JSON object the
 * payload contains; answered in stream order with a cursor to continue from); {@code /events/{eventId}};
 * {@code /aggregates/{id}?after=&limit=} (state and events by sequence); {@code /snapshots?q=&page=&size=}.
 */
@Path("store")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_ROLE)
public class StoreResource {

    static final int MAX_LIMIT = 500;
    static final int MAX_CONTAINS_CHARS = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventStoreAccess access;
    private StateStoreBrowser browser;

    public StoreResource() {
        // for CDI
    }

    @Inject
    public StoreResource(EventStoreAccess access, StateStoreBrowser browser) {
        this.access = access;
        this.browser = browser;
    }

    @GET
    @Path("head")
    public Head head() {
        EventStore store = access.get();
        return new Head(store.head().toString(), store.mode().name());
    }

    @GET
    @Path("events")
    public EventPage events(@QueryParam("after") String after, @QueryParam("before") String before, @QueryParam("type") String types,
                            @QueryParam("context") String context, @QueryParam("aggregate") String aggregate,
                            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("contains") String contains,
                            @QueryParam("limit") String limit) {
        Instant since = instant(from, "from");
        Instant until = instant(to, "to");
        if (since != null && until != null && !since.isBefore(until)) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "from must be before to");
        }
        Set<String> typeSet = types == null || types.isBlank() ? Set.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        EventSearch search = new EventSearch(position(after, "after", StreamPosition.START), position(before, "before", null), typeSet,
                blankToNull(context), blankToNull(aggregate), since, until, containment(contains), limit(limit, 50));
        StateStoreBrowser.SearchPage page = browser.search(search, horizon());
        return new EventPage(page.events().stream().map(Event::of).toList(), page.next().toString(), page.more());
    }

    @GET
    @Path("events/{eventId}")
    public Event event(@PathParam("eventId") String eventId) {
        return browser.event(eventId, horizon()).map(Event::of)
                .orElseThrow(() -> new EventoException(ErrorCode.NOT_FOUND, "no event '" + PageRequest.abbreviate(eventId) + "'"));
    }

    @GET
    @Path("aggregates/{aggregateId}")
    public Aggregate aggregate(@PathParam("aggregateId") String aggregateId, @QueryParam("after") String after,
                               @QueryParam("limit") String limit) {
        int afterSequence = PageRequest.number(after, "after", 0);
        if (afterSequence < 0) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "after must not be negative");
        }
        StateStoreBrowser.AggregateView view = browser.aggregate(aggregateId, afterSequence, limit(limit, 100), horizon())
                .orElseThrow(() -> new EventoException(ErrorCode.NOT_FOUND, "no aggregate '" + PageRequest.abbreviate(aggregateId) + "'"));
        return new Aggregate(aggregateId, view.lastSequence(), view.deleted(), view.snapshot().map(SnapshotView::of).orElse(null),
                view.events().stream().map(Event::of).toList());
    }

    @GET
    @Path("snapshots")
    public Page<SnapshotView> snapshots(@QueryParam("q") String text, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        String find = text == null ? "" : text;
        return new Page<>(browser.snapshots(find, request.offset(), request.size()).stream().map(SnapshotView::of).toList(),
                request.page(), request.size(), browser.countSnapshots(find));
    }

    private boolean horizon() {
        return access.get().mode() == EventStoreMode.HORIZON;
    }

    private static StreamPosition position(String text, String name, StreamPosition fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return StreamPosition.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, name + " must be a stream position (tx.position), got '"
                    + PageRequest.abbreviate(text) + "'");
        }
    }

    private static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, name + " must be an ISO-8601 instant such as 2026-12-01T10:15:30Z, got '"
                    + PageRequest.abbreviate(text) + "'");
        }
    }

    /** The payload fragment as given, once it is known to be one JSON object. */
    private static String containment(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_CONTAINS_CHARS) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "contains must be at most " + MAX_CONTAINS_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (java.io.IOException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "contains must be a JSON object such as {\"status\":\"open\"}, got '"
                    + PageRequest.abbreviate(text) + "'");
        }
        return text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static int limit(String text, int fallback) {
        int value = PageRequest.number(text, "limit", fallback);
        if (value < 1 || value > MAX_LIMIT) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ", got " + value);
        }
        return value;
    }
}
