package io.evento.server.store.jdbc;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.AppendResult;
import io.evento.server.store.EventStoreMode;
import io.evento.server.store.NewEvent;
import io.evento.server.store.StreamPosition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one group-commit batch in one transaction on its own connection. Appends that would
 * conflict, hit a deleted aggregate or reuse event ids are answered with their error and left
 * out; complete repetitions are acknowledged with the stored positions; the rest is inserted in
 * one statement. A unique violation (a concurrent writer elsewhere won a race) or a lost
 * connection makes it roll back and classify again: event ids make every retry idempotent.
 */
final class BatchWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BatchWriter.class.getName());
    private static final int MAX_ATTEMPTS = 6;

    private final DataSource dataSource;
    private final EventStoreMode mode;
    private Connection connection;

    BatchWriter(DataSource dataSource, EventStoreMode mode) {
        this.dataSource = dataSource;
        this.mode = mode;
    }

    /** Writes the batch and completes every pending append, successfully or with its error. */
    void write(List<PendingAppend> batch) {
        boolean checkIds = false;
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                Map<PendingAppend, Object> outcomes = writeOnce(connection(), batch, checkIds);
                complete(outcomes);
                return;
            } catch (SQLException e) {
                last = e;
                rollbackQuietly();
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if ("23505".equals(state)) {
                    checkIds = true;
                } else if (state.startsWith("08") || state.startsWith("57") || state.equals("40001") || state.equals("40P01")
                        || connectionBroken()) {
                    closeConnection();
                    pause(attempt);
                } else if (state.startsWith("22") || state.startsWith("23")) {
                    isolate(batch, e);
                    return;
                } else {
                    break;
                }
            }
        }
        LOG.log(System.Logger.Level.ERROR, "appending " + batch.size() + " append(s) failed", last);
        EventoException failure = new EventoException(ErrorCode.DATABASE_UNAVAILABLE,
                "the events could not be written (" + (last == null ? "unknown" : last.getMessage())
                        + "); retry with the same event ids: a repetition is never written twice", last);
        batch.forEach(pending -> pending.result().completeExceptionally(failure));
    }

    /** A data error in a batch of several: write each alone so only the bad one fails. */
    private void isolate(List<PendingAppend> batch, SQLException e) {
        if (batch.size() == 1) {
            batch.get(0).result().completeExceptionally(new EventoException(ErrorCode.INVALID_REQUEST,
                    "the database refused the append: " + e.getMessage()));
            return;
        }
        for (PendingAppend pending : batch) {
            write(List.of(pending));
        }
    }

    private Map<PendingAppend, Object> writeOnce(Connection c, List<PendingAppend> batch, boolean checkIds) throws SQLException {
        if (mode == EventStoreMode.CPES) {
            try (PreparedStatement lock = c.prepareStatement(EventStoreSql.LOCK_APPENDS)) {
                lock.execute();
            }
        }
        Map<String, AggregateState> aggregates = aggregateStates(c, batch);
        Map<String, AggregateState> running = new HashMap<>(aggregates);
        Set<String> idsToCheck = new LinkedHashSet<>();
        for (PendingAppend pending : batch) {
            if (checkIds || !fits(pending, running, false)) {
                pending.requests().forEach(r -> r.events().forEach(e -> idsToCheck.add(e.eventId())));
            }
        }
        Map<String, AppendResult.Appended> known = storedEvents(c, idsToCheck);

        Map<PendingAppend, Object> outcomes = new HashMap<>();
        List<PendingAppend> accepted = new ArrayList<>();
        running = new HashMap<>(aggregates);
        for (PendingAppend pending : batch) {
            Object outcome = classify(pending, running, known);
            outcomes.put(pending, outcome);
            if (outcome == null) {
                fits(pending, running, true);
                accepted.add(pending);
            }
        }
        Map<String, AppendResult.Appended> inserted = insert(c, accepted);
        saveSnapshotsAndDeletions(c, accepted);
        c.commit();
        for (PendingAppend pending : accepted) {
            outcomes.put(pending, results(pending, inserted, false));
        }
        return outcomes;
    }

    /** Null when the append can go in; otherwise its result (duplicate) or its failure. */
    private static Object classify(PendingAppend pending, Map<String, AggregateState> running, Map<String, AppendResult.Appended> known) {
        int total = 0;
        int found = 0;
        for (AppendRequest request : pending.requests()) {
            for (NewEvent event : request.events()) {
                total++;
                if (known.containsKey(event.eventId())) {
                    found++;
                }
            }
        }
        if (found == total) {
            return results(pending, known, true);
        }
        if (found > 0) {
            return new EventoException(ErrorCode.EVENT_ID_REUSED, found + " of the " + total
                    + " event ids of this append are already stored: an append is either new or a complete repetition");
        }
        for (AppendRequest request : pending.requests()) {
            if (!request.isAggregate()) {
                continue;
            }
            AggregateState state = running.getOrDefault(request.aggregateId(), AggregateState.NEW);
            if (state.deleted()) {
                return new EventoException(ErrorCode.AGGREGATE_DELETED, "aggregate '" + request.aggregateId() + "' was deleted");
            }
            if (state.last() != request.expectedSequence()) {
                return new EventoException(ErrorCode.CONCURRENCY_CONFLICT, "aggregate '" + request.aggregateId() + "' is at sequence "
                        + state.last() + ", the append expected " + request.expectedSequence());
            }
        }
        return null;
    }

    /** Whether the append's expectations hold; when {@code apply}, advances the running states. */
    private static boolean fits(PendingAppend pending, Map<String, AggregateState> running, boolean apply) {
        for (AppendRequest request : pending.requests()) {
            if (request.isAggregate()) {
                AggregateState state = running.getOrDefault(request.aggregateId(), AggregateState.NEW);
                if (state.deleted() || state.last() != request.expectedSequence()) {
                    return false;
                }
            }
        }
        if (apply) {
            for (AppendRequest request : pending.requests()) {
                if (request.isAggregate()) {
                    running.put(request.aggregateId(), new AggregateState(request.lastSequence(), request.deleteAggregate()));
                }
            }
        }
        return true;
    }

    private static Map<String, AggregateState> aggregateStates(Connection c, List<PendingAppend> batch) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(p -> p.requests().stream().filter(AppendRequest::isAggregate).forEach(r -> ids.add(r.aggregateId())));
        Map<String, AggregateState> states = new HashMap<>();
        if (ids.isEmpty()) {
            return states;
        }
        try (PreparedStatement statement = c.prepareStatement(EventStoreSql.AGGREGATE_STATES)) {
            statement.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), new AggregateState(rows.getLong(2), rows.getBoolean(3)));
                }
            }
        }
        return states;
    }

    private Map<String, AppendResult.Appended> storedEvents(Connection c, Set<String> ids) throws SQLException {
        Map<String, AppendResult.Appended> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement statement = c.prepareStatement(EventStoreSql.EVENTS_BY_ID)) {
            statement.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), new AppendResult.Appended(rows.getString(1),
                            position(rows.getLong(2), rows.getLong(3)), rows.getLong(4)));
                }
            }
        }
        return found;
    }

    private Map<String, AppendResult.Appended> insert(Connection c, List<PendingAppend> accepted) throws SQLException {
        Map<String, AppendResult.Appended> inserted = new HashMap<>();
        int count = accepted.stream().mapToInt(PendingAppend::events).sum();
        if (count == 0) {
            return inserted;
        }
        String[] ids = new String[count];
        String[] aggregates = new String[count];
        Long[] sequences = new Long[count];
        String[] types = new String[count];
        String[] contexts = new String[count];
        String[] payloads = new String[count];
        String[] metadata = new String[count];
        int i = 0;
        for (PendingAppend pending : accepted) {
            for (AppendRequest request : pending.requests()) {
                long sequence = request.expectedSequence();
                for (NewEvent event : request.events()) {
                    ids[i] = event.eventId();
                    aggregates[i] = request.aggregateId();
                    sequences[i] = request.isAggregate() ? ++sequence : null;
                    types[i] = event.eventType();
                    contexts[i] = event.context();
                    payloads[i] = event.payload();
                    metadata[i] = event.metadata() == null ? "{}" : event.metadata();
                    i++;
                }
            }
        }
        String sql = switch (mode) {
            case HORIZON -> EventStoreSql.INSERT_HORIZON;
            case CPES -> EventStoreSql.INSERT_CPES;
            case APES -> EventStoreSql.INSERT_APES;
        };
        Map<String, Long> sequenceOf = new HashMap<>();
        for (int k = 0; k < count; k++) {
            sequenceOf.put(ids[k], sequences[k] == null ? 0L : sequences[k]);
        }
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setArray(1, c.createArrayOf("text", ids));
            statement.setArray(2, c.createArrayOf("text", aggregates));
            statement.setArray(3, c.createArrayOf("bigint", sequences));
            statement.setArray(4, c.createArrayOf("text", types));
            statement.setArray(5, c.createArrayOf("text", contexts));
            statement.setArray(6, c.createArrayOf("text", payloads));
            statement.setArray(7, c.createArrayOf("text", metadata));
            if (mode == EventStoreMode.HORIZON) {
                statement.setInt(8, count);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    inserted.put(id, new AppendResult.Appended(id, position(rows.getLong(2), rows.getLong(3)), sequenceOf.get(id)));
                }
            }
        }
        if (inserted.size() != count) {
            throw new SQLException("inserted " + inserted.size() + " of " + count + " events", "XX000");
        }
        return inserted;
    }

    private static void saveSnapshotsAndDeletions(Connection c, List<PendingAppend> accepted) throws SQLException {
        List<String> snapshotIds = new ArrayList<>();
        List<Long> snapshotSequences = new ArrayList<>();
        List<String> snapshotStates = new ArrayList<>();
        List<String> deletedIds = new ArrayList<>();
        List<Long> deletedSequences = new ArrayList<>();
        for (PendingAppend pending : accepted) {
            for (AppendRequest request : pending.requests()) {
                if (request.deleteAggregate()) {
                    deletedIds.add(request.aggregateId());
                    deletedSequences.add(request.lastSequence());
                } else if (request.snapshot().isPresent()) {
                    snapshotIds.add(request.aggregateId());
                    snapshotSequences.add(request.lastSequence());
                    snapshotStates.add(request.snapshot().get().state());
                }
            }
        }
        if (!snapshotIds.isEmpty()) {
            try (PreparedStatement statement = c.prepareStatement(EventStoreSql.UPSERT_SNAPSHOTS)) {
                statement.setArray(1, c.createArrayOf("text", snapshotIds.toArray()));
                statement.setArray(2, c.createArrayOf("bigint", snapshotSequences.toArray()));
                statement.setArray(3, c.createArrayOf("text", snapshotStates.toArray()));
                statement.executeUpdate();
            }
        }
        if (!deletedIds.isEmpty()) {
            try (PreparedStatement statement = c.prepareStatement(EventStoreSql.INSERT_DELETIONS)) {
                statement.setArray(1, c.createArrayOf("text", deletedIds.toArray()));
                statement.setArray(2, c.createArrayOf("bigint", deletedSequences.toArray()));
                statement.executeUpdate();
            }
            try (PreparedStatement statement = c.prepareStatement(EventStoreSql.DELETE_SNAPSHOTS)) {
                statement.setArray(1, c.createArrayOf("text", deletedIds.toArray()));
                statement.executeUpdate();
            }
        }
    }

    private static List<AppendResult> results(PendingAppend pending, Map<String, AppendResult.Appended> stored, boolean duplicate) {
        List<AppendResult> results = new ArrayList<>();
        for (AppendRequest request : pending.requests()) {
            results.add(new AppendResult(request.events().stream().map(e -> stored.get(e.eventId())).toList(), duplicate));
        }
        return results;
    }

    /** The global position of an event: the transaction id only orders the stream in HORIZON mode. */
    private StreamPosition position(long tx, long position) {
        return new StreamPosition(mode == EventStoreMode.HORIZON ? tx : 0, position);
    }

    @SuppressWarnings("unchecked")
    private static void complete(Map<PendingAppend, Object> outcomes) {
        outcomes.forEach((pending, outcome) -> {
            if (outcome instanceof EventoException failure) {
                pending.result().completeExceptionally(failure);
            } else {
                pending.result().complete((List<AppendResult>) outcome);
            }
        });
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private boolean connectionBroken() {
        try {
            return connection == null || connection.isClosed() || !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    private void rollbackQuietly() {
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                closeConnection();
            }
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken already
            }
            connection = null;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2000, 50L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closeConnection();
    }

    /**
     * @param last    the aggregate's last sequence (0: no event)
     * @param deleted whether it was deleted
     */
    private record AggregateState(long last, boolean deleted) {
        static final AggregateState NEW = new AggregateState(0, false);
    }
}
