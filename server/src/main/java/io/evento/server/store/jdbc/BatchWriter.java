package io.evento.server.store.jdbc;

import io.evento.server.database.DatabaseFailures;

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
    private final KnownSequences known;
    private final java.util.concurrent.Executor completion;
    private Connection connection;
    private volatile boolean healthy = true;

    BatchWriter(DataSource dataSource, EventStoreMode mode, KnownSequences known) {
        this(dataSource, mode, known, Runnable::run);
    }

    BatchWriter(DataSource dataSource, EventStoreMode mode, KnownSequences known, java.util.concurrent.Executor completion) {
        this.dataSource = dataSource;
        this.mode = mode;
        this.known = known;
        this.completion = completion;
    }

    /**
     * Writes the batch and completes every pending append, successfully or with its error; never
     * throws. A failure of the connection (however the pool wrapped it) discards the connection
     * and tries again on a new one from the pool, which validates what it hands out.
     */
    void write(List<PendingAppend> batch) {
        boolean checkIds = false;
        boolean fastPath = true;
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                Map<PendingAppend, Object> outcomes = fastPath ? writeOptimistically(connection(), batch) : null;
                if (outcomes == null) {
                    outcomes = writeClassified(connection(), batch, checkIds);
                }
                if (outcomes != null) {
                    complete(outcomes);
                    healthy = true;
                    return;
                }
                fastPath = false;
            } catch (SQLException | RuntimeException failure) {
                SQLException e = DatabaseFailures.sqlException(failure);
                if (e == null) {
                    LOG.log(System.Logger.Level.ERROR, "appending " + batch.size() + " append(s) failed unexpectedly", failure);
                    closeConnection();
                    fail(batch, new EventoException(ErrorCode.INTERNAL, "the events could not be written: " + failure));
                    return;
                }
                last = e;
                rollbackQuietly();
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if ("23505".equals(state)) {
                    checkIds = true;
                    fastPath = false;
                } else if (DatabaseFailures.connectionLost(e) || state.equals("40001") || state.equals("40P01") || connectionBroken()) {
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
        healthy = false;
        closeConnection();
        LOG.log(System.Logger.Level.ERROR, "appending " + batch.size() + " append(s) failed", last);
        fail(batch, new EventoException(ErrorCode.DATABASE_UNAVAILABLE,
                "the events could not be written (" + (last == null ? "unknown" : last.getMessage())
                        + "); retry with the same event ids: a repetition is never written twice", last));
    }

    private void fail(List<PendingAppend> batch, EventoException failure) {
        Map<PendingAppend, Object> failed = new HashMap<>();
        batch.forEach(pending -> failed.put(pending, failure));
        complete(failed);
    }

    /** Whether the last batch (or probe) of this writer reached the database. */
    boolean healthy() {
        return healthy;
    }

    /**
     * Proves the writer can write: takes a transaction id on its own connection (which fails on a
     * read-only or unreachable database) and replaces the connection when that fails.
     */
    void probe() throws SQLException {
        try {
            Connection c = connection();
            c.setAutoCommit(true);
            try (PreparedStatement statement = c.prepareStatement(EventStoreSql.WRITE_PROBE)) {
                statement.execute();
            }
            healthy = true;
        } catch (SQLException | RuntimeException failure) {
            healthy = false;
            closeConnection();
            SQLException e = DatabaseFailures.sqlException(failure);
            throw e != null ? e : new SQLException("write probe failed: " + failure, failure);
        }
    }

    /**
     * The common case in one round trip: the whole batch in one multi-statement implicit
     * transaction (auto-commit), the optimistic check inside the insert. Null when the check
     * failed (nothing was written); a unique violation (duplicate or lost race) is thrown.
     */
    private Map<PendingAppend, Object> writeOptimistically(Connection c, List<PendingAppend> batch) throws SQLException {
        c.setAutoCommit(true);
        Map<String, AppendResult.Appended> inserted = insert(c, batch);
        if (inserted == null) {
            return null;
        }
        remember(batch);
        Map<PendingAppend, Object> outcomes = new HashMap<>();
        for (PendingAppend pending : batch) {
            outcomes.put(pending, results(pending, inserted, false));
        }
        return outcomes;
    }

    /** The aggregates' new last sequences, once committed. */
    private void remember(List<PendingAppend> committed) {
        for (PendingAppend pending : committed) {
            for (AppendRequest request : pending.requests()) {
                if (request.isAggregate()) {
                    known.committed(request.aggregateId(), request.lastSequence());
                }
            }
        }
    }

    /** A data error in a batch of several: write each alone so only the bad one fails. */
    private void isolate(List<PendingAppend> batch, SQLException e) {
        if (batch.size() == 1) {
            complete(Map.of(batch.get(0), new EventoException(ErrorCode.INVALID_REQUEST,
                    "the database refused the append: " + e.getMessage())));
            return;
        }
        for (PendingAppend pending : batch) {
            write(List.of(pending));
        }
    }

    /**
     * The careful path, in an explicit transaction: find each append's verdict (duplicate, deleted
     * aggregate, conflict, reused ids), write the others. Null when a concurrent commit changed an
     * aggregate between the classification and the insert (the caller tries again).
     */
    private Map<PendingAppend, Object> writeClassified(Connection c, List<PendingAppend> batch, boolean checkIds) throws SQLException {
        c.setAutoCommit(false);
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
        if (inserted == null) {
            c.rollback();
            return null;
        }
        c.commit();
        remember(accepted);
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

    private Map<String, AggregateState> aggregateStates(Connection c, List<PendingAppend> batch) throws SQLException {
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
                    known.committed(rows.getString(1), rows.getLong(2));
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
                            position(rows.getLong(2), rows.getLong(3)), rows.getLong(4), PostgresEventStore.instant(rows, 5)));
                }
            }
        }
        return found;
    }

    /**
     * Inserts the events of the appends, with their snapshots and deletions, in one round trip
     * (several statements). Null when the optimistic check in the insert failed.
     */
    private Map<String, AppendResult.Appended> insert(Connection c, List<PendingAppend> accepted) throws SQLException {
        Map<String, AppendResult.Appended> inserted = new HashMap<>();
        int count = accepted.stream().mapToInt(PendingAppend::events).sum();
        if (count == 0) {
            return inserted;
        }
        AppendGuard guard = AppendGuard.of(accepted, known);
        if (guard == null) {
            return null;
        }
        Columns columns = new Columns(count);
        for (PendingAppend pending : accepted) {
            for (AppendRequest request : pending.requests()) {
                columns.add(request);
            }
        }
        StringBuilder sql = new StringBuilder(EventStoreSql.eventInsert(mode));
        if (!columns.snapshotIds.isEmpty()) {
            sql.append(";\n").append(EventStoreSql.UPSERT_SNAPSHOTS);
        }
        if (!columns.deletedIds.isEmpty()) {
            sql.append(";\n").append(EventStoreSql.INSERT_DELETIONS).append(";\n").append(EventStoreSql.DELETE_SNAPSHOTS);
        }
        try (PreparedStatement statement = c.prepareStatement(sql.toString())) {
            int p = 1;
            statement.setObject(p++, columns.ids);
            statement.setObject(p++, columns.aggregates);
            statement.setObject(p++, columns.sequences);
            statement.setObject(p++, columns.types);
            statement.setObject(p++, columns.contexts);
            statement.setObject(p++, columns.payloads);
            statement.setObject(p++, columns.metadata);
            statement.setObject(p++, guard.aggregateIds());
            statement.setObject(p++, guard.follows());
            if (!columns.snapshotIds.isEmpty()) {
                statement.setObject(p++, columns.snapshotIds.toArray(String[]::new));
                statement.setObject(p++, columns.snapshotSequences.toArray(Long[]::new));
                statement.setObject(p++, columns.snapshotStates.toArray(String[]::new));
                statement.setObject(p++, columns.snapshotEvents.toArray(String[]::new));
            }
            if (!columns.deletedIds.isEmpty()) {
                statement.setObject(p++, columns.deletedIds.toArray(String[]::new));
                statement.setObject(p++, columns.deletedSequences.toArray(Long[]::new));
                statement.setObject(p++, columns.deletedEvents.toArray(String[]::new));
                statement.setObject(p++, columns.deletedIds.toArray(String[]::new));
                statement.setObject(p, columns.deletedEvents.toArray(String[]::new));
            }
            boolean isQuery = statement.execute();
            if (mode == EventStoreMode.CPES) {
                isQuery = statement.getMoreResults();
            }
            if (!isQuery) {
                throw new SQLException("the insert returned no result set", "XX000");
            }
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    inserted.put(id, new AppendResult.Appended(id, position(rows.getLong(2), rows.getLong(3)), columns.sequenceOf.get(id),
                            PostgresEventStore.instant(rows, 4)));
                }
            }
        }
        if (inserted.isEmpty()) {
            return null;
        }
        if (inserted.size() != count) {
            throw new SQLException("inserted " + inserted.size() + " of " + count + " events", "XX000");
        }
        return inserted;
    }

    /** The batch as one array per column, plus the snapshots and deletions it carries. */
    private static final class Columns {
        final String[] ids;
        final String[] aggregates;
        final Long[] sequences;
        final String[] types;
        final String[] contexts;
        final String[] payloads;
        final String[] metadata;
        final Map<String, Long> sequenceOf = new HashMap<>();
        final List<String> snapshotIds = new ArrayList<>();
        final List<Long> snapshotSequences = new ArrayList<>();
        final List<String> snapshotStates = new ArrayList<>();
        final List<String> snapshotEvents = new ArrayList<>();
        final List<String> deletedIds = new ArrayList<>();
        final List<Long> deletedSequences = new ArrayList<>();
        final List<String> deletedEvents = new ArrayList<>();
        private int i;

        Columns(int count) {
            ids = new String[count];
            aggregates = new String[count];
            sequences = new Long[count];
            types = new String[count];
            contexts = new String[count];
            payloads = new String[count];
            metadata = new String[count];
        }

        void add(AppendRequest request) {
            long sequence = request.expectedSequence();
            String lastEvent = null;
            for (NewEvent event : request.events()) {
                ids[i] = event.eventId();
                aggregates[i] = request.aggregateId();
                sequences[i] = request.isAggregate() ? ++sequence : null;
                types[i] = event.eventType();
                contexts[i] = event.context();
                payloads[i] = event.payload();
                metadata[i] = event.metadata() == null ? "{}" : event.metadata();
                sequenceOf.put(event.eventId(), request.isAggregate() ? sequence : 0L);
                lastEvent = event.eventId();
                i++;
            }
            if (request.deleteAggregate()) {
                deletedIds.add(request.aggregateId());
                deletedSequences.add(request.lastSequence());
                deletedEvents.add(lastEvent);
            } else if (request.snapshot().isPresent()) {
                snapshotIds.add(request.aggregateId());
                snapshotSequences.add(request.lastSequence());
                snapshotStates.add(request.snapshot().get().state());
                snapshotEvents.add(lastEvent);
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

    /** Completes the batch's appends on the completion executor, in one task. */
    @SuppressWarnings("unchecked")
    private void complete(Map<PendingAppend, Object> outcomes) {
        Runnable task = () -> outcomes.forEach((pending, outcome) -> {
            if (outcome instanceof EventoException failure) {
                pending.result().completeExceptionally(failure);
            } else {
                pending.result().complete((List<AppendResult>) outcome);
            }
        });
        try {
            completion.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            task.run();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            try (PreparedStatement generic = connection.prepareStatement(EventStoreSql.GENERIC_PLANS)) {
                generic.execute();
            }
        }
        return connection;
    }

    private boolean connectionBroken() {
        try {
            return connection == null || connection.isClosed() || !connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    private void rollbackQuietly() {
        if (connection != null) {
            try {
                if (connection.getAutoCommit()) {
                    return;
                }
            } catch (SQLException | RuntimeException e) {
                closeConnection();
                return;
            }
            try {
                connection.rollback();
            } catch (SQLException | RuntimeException ignored) {
                closeConnection();
            }
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try (PreparedStatement reset = connection.prepareStatement(EventStoreSql.DEFAULT_PLANS)) {
                reset.execute();
            } catch (SQLException | RuntimeException ignored) {
                // a broken connection is discarded by the pool anyway
            }
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
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
