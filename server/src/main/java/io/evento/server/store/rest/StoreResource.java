package io.evento.server.store.rest;

import jakarta.annotation.security.RolesAllowed;
import io.evento.server.security.Role;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.admin.rest.Page;
import io.evento.server.admin.rest.PageRequest;
import io.evento.server.store.AggregateStory;
import io.evento.server.store.EventBatch;
import io.evento.server.store.EventFilter;
import io.evento.server.store.EventStore;
import io.evento.server.store.EventStoreAccess;
import io.evento.server.store.StoredEvent;
import io.evento.server.store.StreamPosition;
import io.evento.server.store.rest.StoreViews.Aggregate;
import io.evento.server.store.rest.StoreViews.Event;
import io.evento.server.store.rest.StoreViews.EventPage;
import io.evento.server.store.rest.StoreViews.Head;
import io.evento.server.store.rest.StoreViews.SnapshotView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Browse the System State Store: {@code GET /api/store/head}; {@code /events?after=&before=&type=&context=&limit=}
 * (a position range, types comma separated); {@code /events/{eventId}}; {@code /aggregates/{id}?after=&limit=}
 * (snapshot and events by sequence); {@code /snapshots?q=&page=&size=}.
 */
@Path("store")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VIEWER_ROLE)
public class StoreResource {

    static final int MAX_LIMIT = 500;
    /** Events scanned per read, and reads per request: a rare type in a long stream answers a partial page to continue from. */
    static final int SCAN = 1000;
    static final int MAX_SCANS = 50;

    private EventStoreAccess access;

    public StoreResource() {
        // for CDI
    }

    @Inject
    public StoreResource(EventStoreAccess access) {
        this.access = access;
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
                            @QueryParam("context") String context, @QueryParam("limit") String limit) {
        StreamPosition from = position(after, "after", StreamPosition.START);
        StreamPosition to = before == null || before.isBlank() ? null : position(before, "before", null);
        int wanted = limit(limit, 50);
        Set<String> typeSet = types == null || types.isBlank() ? Set.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        EventFilter filter = new EventFilter(typeSet, context);
        EventStore store = access.get();
        List<Event> events = new ArrayList<>();
        StreamPosition cursor = from;
        for (int scan = 0; scan < MAX_SCANS; scan++) {
            EventBatch batch = store.readAfter(cursor, filter, SCAN);
            for (StoredEvent event : batch.events()) {
                if (to != null && !to.isAfter(event.position())) {
                    return new EventPage(events, cursor.toString(), false);
                }
                events.add(Event.of(event));
                cursor = event.position();
                if (events.size() == wanted) {
                    return new EventPage(events, cursor.toString(), true);
                }
            }
            if (!batch.next().isAfter(cursor)) {
                return new EventPage(events, cursor.toString(), false);
            }
            cursor = batch.next();
            if (to != null && !to.isAfter(cursor)) {
                return new EventPage(events, cursor.toString(), false);
            }
        }
        return new EventPage(events, cursor.toString(), true);
    }

    @GET
    @Path("events/{eventId}")
    public Event event(@PathParam("eventId") String eventId) {
        return access.get().readEvent(eventId).map(Event::of)
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
        EventStore store = access.get();
        AggregateStory story = store.readAggregate(aggregateId);
        if (!story.exists()) {
            throw new EventoException(ErrorCode.NOT_FOUND, "no aggregate '" + PageRequest.abbreviate(aggregateId) + "'");
        }
        List<Event> events = store.readAggregateEvents(aggregateId, afterSequence, limit(limit, 100)).stream().map(Event::of).toList();
        return new Aggregate(aggregateId, story.lastSequence(), story.deleted(), story.snapshot().map(SnapshotView::of).orElse(null), events);
    }

    @GET
    @Path("snapshots")
    public Page<SnapshotView> snapshots(@QueryParam("q") String text, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(page, size);
        EventStore store = access.get();
        String find = text == null ? "" : text;
        return new Page<>(store.listSnapshots(find, request.offset(), request.size()).stream().map(SnapshotView::of).toList(),
                request.page(), request.size(), store.countSnapshots(find));
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

    private static int limit(String text, int fallback) {
        int value = PageRequest.number(text, "limit", fallback);
        if (value < 1 || value > MAX_LIMIT) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ", got " + value);
        }
        return value;
    }
}
