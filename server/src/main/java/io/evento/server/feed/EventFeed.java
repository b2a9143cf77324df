package io.evento.server.feed;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.EventRecord;
import io.evento.protocol.frame.EventsFetched;
import io.evento.protocol.frame.FetchEvents;
import io.evento.server.store.EventBatch;
import io.evento.server.store.EventFilter;
import io.evento.server.store.EventStoreAccess;
import io.evento.server.store.StreamPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Answers {@code fetch-events}: a page of the global stream after the consumer's cursor, filtered
 * by its event types and context, with the head for lag.
 */
@ApplicationScoped
public class EventFeed {

    private static final long HEAD_TTL_NANOS = 500_000_000L;

    private EventStoreAccess store;
    private volatile StreamPosition head = StreamPosition.START;
    private volatile long headReadNanos;

    protected EventFeed() {
        // for the CDI client proxy
    }

    @Inject
    public EventFeed(EventStoreAccess store) {
        this.store = store;
    }

    public EventsFetched fetch(FetchEvents request) {
        StreamPosition after;
        try {
            after = request.after() == null || request.after().isBlank() ? StreamPosition.START : StreamPosition.parse(request.after());
        } catch (IllegalArgumentException e) {
            throw new EventoException(ErrorCode.MALFORMED_FRAME, "invalid fetch-events frame: " + e.getMessage());
        }
        EventFilter filter = new EventFilter(new HashSet<>(request.types()), request.context());
        EventBatch batch = store.get().readAfter(after, filter, request.limit());
        List<EventRecord> events = batch.events().stream().map(EventRecords::of).toList();
        StreamPosition currentHead = head(batch.next());
        return new EventsFetched(UUID.randomUUID().toString(), request.id(), events, batch.next().toString(), currentHead.toString());
    }

    /** The readable head, re-read from the store at most every half second. */
    public StreamPosition head(StreamPosition atLeast) {
        if (System.nanoTime() - headReadNanos > HEAD_TTL_NANOS) {
            head = store.get().head();
            headReadNanos = System.nanoTime();
        }
        StreamPosition current = head;
        return current.compareTo(atLeast) >= 0 ? current : atLeast;
    }
}
