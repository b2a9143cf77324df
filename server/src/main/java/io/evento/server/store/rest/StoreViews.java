package io.evento.server.store.rest;

import io.evento.server.store.Snapshot;
import io.evento.server.store.StoredEvent;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/** What the store browser answers. */
public final class StoreViews {

    private StoreViews() {
    }

    /**
     * A stored event.
     *
     * @param position    its place in the global stream
     * @param eventId     its id
     * @param aggregateId its aggregate, or null for a service event
     * @param sequence    its sequence in the aggregate
     * @param type        its payload type
     * @param context     its context
     * @param payload     the payload
     * @param metadata    the metadata
     * @param createdAt   when it was stored
     */
    public record Event(String position, String eventId, String aggregateId, long sequence, String type, String context,
                        JsonValue payload, JsonValue metadata, Instant createdAt) {
        static Event of(StoredEvent e) {
            return new Event(e.position().toString(), e.eventId(), e.aggregateId(), e.aggregateSequence(), e.eventType(), e.context(),
                    json(e.payload()), json(e.metadata()), e.createdAt());
        }
    }

    /**
     * A page of the global stream.
     *
     * @param events the events
     * @param next   the position to continue after
     * @param more   whether more events may follow before the range's end
     */
    public record EventPage(List<Event> events, String next, boolean more) {
    }

    /**
     * A snapshot.
     *
     * @param aggregateId the aggregate
     * @param sequence    the last sequence it covers
     * @param state       the state
     * @param updatedAt   when it was saved
     */
    public record SnapshotView(String aggregateId, long sequence, JsonValue state, Instant updatedAt) {
        static SnapshotView of(Snapshot s) {
            return new SnapshotView(s.aggregateId(), s.sequence(), json(s.state()), s.updatedAt());
        }
    }

    /**
     * An aggregate.
     *
     * @param aggregateId  the aggregate
     * @param lastSequence its last sequence (0: unknown)
     * @param deleted      whether it was deleted
     * @param snapshot     its latest snapshot, or null
     * @param events       a page of its events by sequence
     */
    public record Aggregate(String aggregateId, long lastSequence, boolean deleted, SnapshotView snapshot, List<Event> events) {
    }

    /**
     * @param head the last readable position
     * @param mode the ordering mode
     */
    public record Head(String head, String mode) {
    }

    static JsonValue json(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            return Json.createValue(text);
        }
    }
}
