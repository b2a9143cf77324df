package io.evento.server.store.jdbc;

import io.evento.server.database.DatabaseFailures;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.store.AggregateStory;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.AppendResult;
import io.evento.server.store.CommandStory;
import io.evento.server.store.EventBatch;
import io.evento.server.store.EventFilter;
import io.evento.server.store.EventStore;
import io.evento.server.store.EventStoreMode;
import io.evento.server.store.EventStoreSettings;
import io.evento.server.store.EventValidation;
import io.evento.server.store.Snapshot;
import io.evento.server.store.StoredEvent;
import io.evento.server.store.StreamPosition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;

/**
 * The System State Store on PostgreSQL, shared by every server instance. Appends go through group
 * commit ({@link GroupCommitter}); the reading order of each {@link EventStoreMode} never skips an
 * event (ADR 0003). The mode is fixed in the database at first use: an instance configured with
 * another mode refuses to start rather than mix orders.
 */
public final class PostgresEventStore implements EventStore {

    private static final String MODE_SETTING = "es.mode";
    /** Aggregates whose last committed sequence is remembered (about 150 bytes each). */
    private static final int KNOWN_AGGREGATES = 65_536;

    private final DataSource dataSource;
    private final EventStoreSettings settings;
    private final EventValidation validation;
    private final GroupCommitter committer;
    private final KnownSequences known = new KnownSequences(KNOWN_AGGREGATES);

    public PostgresEventStore(DataSource dataSource, EventStoreSettings settings, ThreadFactory threadFactory) {
        this(dataSource, settings, threadFactory, Runnable::run);
    }

    /**
     * @param completion where the appends of a committed batch complete, in one task per batch
     *                   (the writer thread itself when {@code Runnable::run}): what callers chain
     *                   on {@link #appendAsync} then runs there, never delaying the next batch
     */
    public PostgresEventStore(DataSource dataSource, EventStoreSettings settings, ThreadFactory threadFactory,
                              java.util.concurrent.Executor completion) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.validation = new EventValidation(settings);
        checkMode();
        this.committer = new GroupCommitter(settings, () -> new BatchWriter(dataSource, settings.mode(), known, completion), threadFactory);
    }

    private void checkMode() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement(EventStoreSql.INSERT_SETTING)) {
                insert.setString(1, MODE_SETTING);
                insert.setString(2, settings.mode().name());
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement(EventStoreSql.SELECT_SETTING)) {
                select.setString(1, MODE_SETTING);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    String stored = rows.getString(1);
                    if (!settings.mode().name().equals(stored)) {
                        throw new EventoException(ErrorCode.NOT_READY, "this event store was created in mode " + stored
                                + " but evento.es.mode is " + settings.mode() + "; every instance must use " + stored
                                + " (changing modes: README.md, \"Event store modes\")");
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<AppendResult> append(List<AppendRequest> requests) {
        try {
            return appendAsync(requests).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof EventoException evento) {
                throw evento;
            }
            throw e;
        }
    }

    /** Validates and queues the append; the future completes after the commit. */
    @Override
    public CompletableFuture<List<AppendResult>> appendAsync(List<AppendRequest> requests) {
        try {
            validation.check(requests);
            return committer.submit(requests);
        } catch (EventoException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Optional<StoredEvent> readEvent(String eventId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement statement = c.prepareStatement(EventStoreSql.EVENT_BY_ID)) {
                statement.setString(1, eventId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(event(rows)) : Optional.empty();
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<StoredEvent> readAggregateEvents(String aggregateId, long afterSequence, int limit) {
        EventValidation.text(aggregateId, "aggregateId", 255);
        checkLimit(limit);
        return query(EventStoreSql.AGGREGATE_EVENTS, statement -> {
            statement.setString(1, aggregateId);
            statement.setLong(2, Math.max(0, afterSequence));
            statement.setInt(3, limit);
        }, rows -> event(rows));
    }

    @Override
    public long countAfter(StreamPosition after, long cap) {
        String sql = switch (settings.mode()) {
            case HORIZON -> EventStoreSql.COUNT_AFTER_HORIZON;
            case CPES -> EventStoreSql.COUNT_AFTER_CPES;
            case APES -> EventStoreSql.COUNT_AFTER_APES;
        };
        return query(sql, statement -> {
            int p = 1;
            if (settings.mode() == EventStoreMode.HORIZON) {
                statement.setLong(p++, after.tx());
            }
            statement.setLong(p++, after.position());
            if (settings.mode() == EventStoreMode.APES) {
                statement.setLong(p++, settings.fetchDelay().toMillis());
            }
            statement.setLong(p, Math.max(0, cap));
        }, rows -> rows.getLong(1)).get(0);
    }

    @Override
    public List<Snapshot> listSnapshots(String aggregateIdContains, int offset, int limit) {
        checkLimit(limit);
        return query(EventStoreSql.LIST_SNAPSHOTS, statement -> {
            statement.setString(1, aggregateIdContains == null ? "" : aggregateIdContains);
            statement.setInt(2, Math.max(0, offset));
            statement.setInt(3, limit);
        }, rows -> new Snapshot(rows.getString(1), rows.getLong(2), rows.getString(3), instant(rows, 4)));
    }

    @Override
    public long countSnapshots(String aggregateIdContains) {
        return query(EventStoreSql.COUNT_SNAPSHOTS, statement -> statement.setString(1, aggregateIdContains == null ? "" : aggregateIdContains),
                rows -> rows.getLong(1)).get(0);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "limit must be between 1 and 10000, got " + limit);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                binder.bind(statement);
                List<T> result = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        result.add(reader.read(rows));
                    }
                }
                return result;
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public AggregateStory readAggregate(String aggregateId) {
        return story(aggregateId, null).story();
    }

    @Override
    public CommandStory readStory(String aggregateId, String eventId) {
        EventValidation.text(eventId, "eventId", 128);
        return story(aggregateId, eventId);
    }

    private CommandStory story(String aggregateId, String eventId) {
        EventValidation.text(aggregateId, "aggregateId", 255);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement statement = c.prepareStatement(eventId == null ? EventStoreSql.AGGREGATE_STORY : EventStoreSql.COMMAND_STORY)) {
                statement.setString(1, aggregateId);
                statement.setString(2, aggregateId);
                statement.setString(3, aggregateId);
                if (eventId != null) {
                    statement.setString(4, eventId);
                }
                Optional<Snapshot> snapshot = Optional.empty();
                Optional<StoredEvent> earlier = Optional.empty();
                List<StoredEvent> events = new ArrayList<>();
                boolean deleted = false;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        switch (rows.getInt(1)) {
                            case 0 -> snapshot = Optional.of(new Snapshot(aggregateId, rows.getLong(6), rows.getString(9),
                                    instant(rows, 11)));
                            case 1 -> events.add(event(rows, 1));
                            case 2 -> deleted = true;
                            default -> earlier = Optional.of(event(rows, 1));
                        }
                    }
                }
                long after = snapshot.map(Snapshot::sequence).orElse(0L);
                long last = events.isEmpty() ? after : events.get(events.size() - 1).aggregateSequence();
                known.committed(aggregateId, last);
                return new CommandStory(new AggregateStory(aggregateId, snapshot, events, last, deleted), earlier);
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public EventBatch readAfter(StreamPosition after, EventFilter filter, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "limit must be between 1 and 10000, got " + limit);
        }
        String sql = switch (settings.mode()) {
            case HORIZON -> EventStoreSql.READ_HORIZON;
            case CPES -> EventStoreSql.READ_CPES;
            case APES -> EventStoreSql.READ_APES;
        };
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.setFetchSize(Math.min(limit, 1000));
                String[] types = filter.eventTypes().toArray(String[]::new);
                statement.setArray(1, c.createArrayOf("text", types));
                statement.setArray(2, c.createArrayOf("text", types));
                statement.setString(3, filter.exactContext());
                statement.setString(4, filter.exactContext());
                statement.setString(5, filter.contextPrefix());
                statement.setString(6, filter.contextPrefix());
                int p = 7;
                if (settings.mode() == EventStoreMode.HORIZON) {
                    statement.setLong(p++, after.tx());
                }
                statement.setLong(p++, after.position());
                if (settings.mode() == EventStoreMode.APES) {
                    statement.setLong(p++, settings.fetchDelay().toMillis());
                }
                statement.setInt(p, limit);
                List<StoredEvent> events = new ArrayList<>();
                StreamPosition next = after;
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        next = position(rows.getLong(1), rows.getLong(2));
                        if (rows.getBoolean(11)) {
                            events.add(event(rows));
                        }
                    }
                }
                return new EventBatch(events, next);
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void saveSnapshot(String aggregateId, long sequence, String state) {
        EventValidation.text(aggregateId, "aggregateId", 255);
        EventValidation.json(state, "snapshot state", settings.maxSnapshotBytes());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement statement = c.prepareStatement(EventStoreSql.SAVE_SNAPSHOT)) {
                statement.setString(1, aggregateId);
                statement.setLong(2, sequence);
                statement.setString(3, state);
                statement.setString(4, aggregateId);
                statement.setLong(5, sequence);
                if (statement.executeUpdate() == 0 && loadSnapshot(c, aggregateId).map(s -> s.sequence() < sequence).orElse(true)) {
                    throw new EventoException(ErrorCode.INVALID_REQUEST, "snapshot sequence " + sequence
                            + " is not an event of aggregate '" + aggregateId + "'");
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<Snapshot> loadSnapshot(String aggregateId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return loadSnapshot(c, aggregateId);
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    private static Optional<Snapshot> loadSnapshot(Connection c, String aggregateId) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(EventStoreSql.SELECT_SNAPSHOT)) {
            statement.setString(1, aggregateId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Snapshot(aggregateId, rows.getLong(1), rows.getString(2), instant(rows, 3)))
                        : Optional.empty();
            }
        }
    }

    @Override
    public StreamPosition head() {
        String sql = switch (settings.mode()) {
            case HORIZON -> EventStoreSql.HEAD_HORIZON;
            case CPES -> EventStoreSql.HEAD_CPES;
            case APES -> EventStoreSql.HEAD_APES;
        };
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                if (settings.mode() == EventStoreMode.APES) {
                    statement.setLong(1, settings.fetchDelay().toMillis());
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? position(rows.getLong(1), rows.getLong(2)) : StreamPosition.START;
                }
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void deleteAggregate(String aggregateId) {
        EventValidation.text(aggregateId, "aggregateId", 255);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement mark = c.prepareStatement(EventStoreSql.DELETE_AGGREGATE);
                 PreparedStatement drop = c.prepareStatement(EventStoreSql.DELETE_SNAPSHOT)) {
                mark.setString(1, aggregateId);
                mark.setString(2, aggregateId);
                mark.executeUpdate();
                drop.setString(1, aggregateId);
                drop.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Group-commit counters (batch sizes and times) since this store started. */
    public WriteStatistics writeStatistics() {
        return committer.statistics();
    }

    @Override
    public EventStoreMode mode() {
        return settings.mode();
    }

    @Override
    public void close() {
        committer.close();
    }

    private StreamPosition position(long tx, long position) {
        return new StreamPosition(settings.mode() == EventStoreMode.HORIZON ? tx : 0, position);
    }

    private StoredEvent event(ResultSet rows) throws SQLException {
        return event(rows, 0);
    }

    /** An event from the ten columns of {@link EventStoreSql#COLUMNS} starting after {@code offset} others. */
    private StoredEvent event(ResultSet rows, int offset) throws SQLException {
        return new StoredEvent(position(rows.getLong(offset + 1), rows.getLong(offset + 2)), rows.getString(offset + 3),
                rows.getString(offset + 4), rows.getLong(offset + 5), rows.getString(offset + 6), rows.getString(offset + 7),
                rows.getString(offset + 8), rows.getString(offset + 9), instant(rows, offset + 10));
    }

    /**
     * A timestamptz column as an instant. Read as an {@link OffsetDateTime}: the driver's
     * {@code getTimestamp} builds a calendar for every value, which showed in profiles of the
     * writers and of catch-up reads.
     */
    static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A database failure, however the pool wrapped it, as DATABASE_UNAVAILABLE; anything else as it is. */
    private static RuntimeException unavailable(Exception e) {
        if (e instanceof EventoException evento) {
            return evento;
        }
        SQLException sql = DatabaseFailures.sqlException(e);
        if (sql != null) {
            return new EventoException(ErrorCode.DATABASE_UNAVAILABLE, "event store: " + sql.getMessage(), e);
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }

    /**
     * Proves this instance can append now: an event writer takes a transaction id on its own
     * connection (replacing it if that fails) and every writer's last transaction succeeded.
     * Fails with DATABASE_UNAVAILABLE otherwise.
     */
    public CompletableFuture<Void> probeWrite() {
        return committer.probe().thenApply(ignored -> {
            if (!committer.writersHealthy()) {
                throw new EventoException(ErrorCode.DATABASE_UNAVAILABLE, "an event writer's last transaction failed");
            }
            return null;
        });
    }
}
