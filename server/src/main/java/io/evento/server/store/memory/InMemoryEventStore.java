package io.evento.server.store.memory;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.store.AggregateStory;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.AppendResult;
import io.evento.server.store.EventBatch;
import io.evento.server.store.EventFilter;
import io.evento.server.store.EventStore;
import io.evento.server.store.EventStoreMode;
import io.evento.server.store.EventStoreSettings;
import io.evento.server.store.EventValidation;
import io.evento.server.store.NewEvent;
import io.evento.server.store.Snapshot;
import io.evento.server.store.StoredEvent;
import io.evento.server.store.StreamPosition;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event store in one process's memory: a single lock, dense positions. For tests and single-JVM
 * use; it passes the same contract as the PostgreSQL store.
 */
public final class InMemoryEventStore implements EventStore {

    private final EventStoreSettings settings;
    private final EventValidation validation;
    private final Clock clock;
    private final List<StoredEvent> events = new ArrayList<>();
    private final Map<String, StoredEvent> byEventId = new HashMap<>();
    private final Map<String, List<StoredEvent>> byAggregate = new HashMap<>();
    private final Map<String, Snapshot> snapshots = new HashMap<>();
    private final Map<String, Long> deleted = new HashMap<>();

    public InMemoryEventStore() {
        this(EventStoreSettings.defaults(EventStoreMode.CPES), Clock.systemUTC());
    }

    public InMemoryEventStore(EventStoreSettings settings, Clock clock) {
        this.settings = settings;
        this.validation = new EventValidation(settings);
        this.clock = clock;
    }

    @Override
    public synchronized List<AppendResult> append(List<AppendRequest> requests) {
        validation.check(requests);
        Optional<List<AppendResult>> duplicate = duplicateOf(requests);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        for (AppendRequest request : requests) {
            if (request.isAggregate()) {
                if (deleted.containsKey(request.aggregateId())) {
                    throw new EventoException(ErrorCode.AGGREGATE_DELETED, "aggregate '" + request.aggregateId() + "' was deleted");
                }
                long last = lastSequence(request.aggregateId());
                if (last != request.expectedSequence()) {
                    throw conflict(request.aggregateId(), request.expectedSequence(), last);
                }
            }
        }
        Instant now = clock.instant();
        List<AppendResult> results = new ArrayList<>();
        for (AppendRequest request : requests) {
            List<AppendResult.Appended> appended = new ArrayList<>();
            long sequence = request.isAggregate() ? request.expectedSequence() : 0;
            for (NewEvent event : request.events()) {
                StreamPosition position = new StreamPosition(0, events.size() + 1L);
                long eventSequence = request.isAggregate() ? ++sequence : 0;
                StoredEvent stored = new StoredEvent(position, event.eventId(), request.aggregateId(), eventSequence,
                        event.eventType(), event.context(), event.payload(), event.metadata() == null ? "{}" : event.metadata(), now);
                events.add(stored);
                byEventId.put(event.eventId(), stored);
                if (request.isAggregate()) {
                    byAggregate.computeIfAbsent(request.aggregateId(), id -> new ArrayList<>()).add(stored);
                }
                appended.add(new AppendResult.Appended(event.eventId(), position, eventSequence, now));
            }
            if (request.deleteAggregate()) {
                deleted.put(request.aggregateId(), request.lastSequence());
                snapshots.remove(request.aggregateId());
            } else {
                request.snapshot().ifPresent(snapshot ->
                        snapshots.put(request.aggregateId(), new Snapshot(request.aggregateId(), request.lastSequence(), snapshot.state(), now)));
            }
            results.add(new AppendResult(appended, false));
        }
        return results;
    }

    private Optional<List<AppendResult>> duplicateOf(List<AppendRequest> requests) {
        int known = 0;
        int total = 0;
        for (AppendRequest request : requests) {
            for (NewEvent event : request.events()) {
                total++;
                if (byEventId.containsKey(event.eventId())) {
                    known++;
                }
            }
        }
        if (known == 0) {
            return Optional.empty();
        }
        if (known < total) {
            throw new EventoException(ErrorCode.EVENT_ID_REUSED, known + " of the " + total
                    + " event ids of this append are already stored: an append is either new or a complete repetition");
        }
        List<AppendResult> results = new ArrayList<>();
        for (AppendRequest request : requests) {
            results.add(new AppendResult(request.events().stream().map(event -> {
                StoredEvent stored = byEventId.get(event.eventId());
                return new AppendResult.Appended(stored.eventId(), stored.position(), stored.aggregateSequence(), stored.createdAt());
            }).toList(), true));
        }
        return Optional.of(results);
    }

    static EventoException conflict(String aggregateId, long expected, long actual) {
        return new EventoException(ErrorCode.CONCURRENCY_CONFLICT, "aggregate '" + aggregateId + "' is at sequence "
                + actual + ", the append expected " + expected);
    }

    private long lastSequence(String aggregateId) {
        List<StoredEvent> stream = byAggregate.get(aggregateId);
        return stream == null ? 0 : stream.get(stream.size() - 1).aggregateSequence();
    }

    @Override
    public synchronized Optional<StoredEvent> readEvent(String eventId) {
        return Optional.ofNullable(byEventId.get(eventId));
    }

    @Override
    public synchronized AggregateStory readAggregate(String aggregateId) {
        EventValidation.text(aggregateId, "aggregateId", 255);
        Optional<Snapshot> snapshot = Optional.ofNullable(snapshots.get(aggregateId));
        long after = snapshot.map(Snapshot::sequence).orElse(0L);
        List<StoredEvent> stream = byAggregate.getOrDefault(aggregateId, List.of());
        List<StoredEvent> later = stream.stream().filter(e -> e.aggregateSequence() > after).toList();
        return new AggregateStory(aggregateId, snapshot, later, lastSequence(aggregateId), deleted.containsKey(aggregateId));
    }

    @Override
    public synchronized List<StoredEvent> readAggregateEvents(String aggregateId, long afterSequence, int limit) {
        EventValidation.text(aggregateId, "aggregateId", 255);
        checkLimit(limit);
        return byAggregate.getOrDefault(aggregateId, List.of()).stream().filter(e -> e.aggregateSequence() > afterSequence)
                .limit(limit).toList();
    }

    @Override
    public synchronized long countAfter(StreamPosition after, long cap) {
        return Math.min(Math.max(0, cap), events.stream().filter(e -> e.position().isAfter(after)).count());
    }

    @Override
    public synchronized List<Snapshot> listSnapshots(String aggregateIdContains, int offset, int limit) {
        checkLimit(limit);
        String text = aggregateIdContains == null ? "" : aggregateIdContains;
        return snapshots.values().stream().filter(s -> s.aggregateId().contains(text))
                .sorted(java.util.Comparator.comparing(Snapshot::aggregateId)).skip(Math.max(0, offset)).limit(limit).toList();
    }

    @Override
    public synchronized long countSnapshots(String aggregateIdContains) {
        String text = aggregateIdContains == null ? "" : aggregateIdContains;
        return snapshots.values().stream().filter(s -> s.aggregateId().contains(text)).count();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "limit must be between 1 and 10000, got " + limit);
        }
    }

    @Override
    public synchronized EventBatch readAfter(StreamPosition after, EventFilter filter, int limit) {
        if (limit < 1) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "limit must be positive, got " + limit);
        }
        List<StoredEvent> matching = new ArrayList<>();
        StreamPosition next = after;
        int start = (int) Math.min(after.position(), events.size());
        for (int i = start; i < events.size() && matching.size() < limit; i++) {
            StoredEvent event = events.get(i);
            next = event.position();
            if (filter.matches(event.eventType(), event.context())) {
                matching.add(event);
            }
        }
        return new EventBatch(matching, next);
    }

    @Override
    public synchronized void saveSnapshot(String aggregateId, long sequence, String state) {
        EventValidation.text(aggregateId, "aggregateId", 255);
        EventValidation.json(state, "snapshot state", settings.maxSnapshotBytes());
        if (sequence < 1 || sequence > lastSequence(aggregateId)) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "snapshot sequence " + sequence
                    + " is not an event of aggregate '" + aggregateId + "' (last " + lastSequence(aggregateId) + ")");
        }
        Snapshot current = snapshots.get(aggregateId);
        if (current == null || current.sequence() < sequence) {
            snapshots.put(aggregateId, new Snapshot(aggregateId, sequence, state, clock.instant()));
        }
    }

    @Override
    public synchronized Optional<Snapshot> loadSnapshot(String aggregateId) {
        return Optional.ofNullable(snapshots.get(aggregateId));
    }

    @Override
    public synchronized StreamPosition head() {
        return events.isEmpty() ? StreamPosition.START : events.get(events.size() - 1).position();
    }

    @Override
    public synchronized void deleteAggregate(String aggregateId) {
        EventValidation.text(aggregateId, "aggregateId", 255);
        deleted.putIfAbsent(aggregateId, lastSequence(aggregateId));
        snapshots.remove(aggregateId);
    }

    @Override
    public EventStoreMode mode() {
        return EventStoreMode.CPES;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
