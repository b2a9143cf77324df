package io.evento.server.store.jdbc;

import io.evento.server.store.EventStoreMode;

/**
 * Every SQL statement of the PostgreSQL event store, as named constants. The schema is the Flyway
 * migration {@code V1__event_store.sql}; the reading order of each mode: ADR 0003.
 */
public final class EventStoreSql {

    private EventStoreSql() {
    }

    /**
     * What a group-commit transaction sends for its events, in one round trip: for CPES the lock
     * first, then the mode's insert. Parameters: the 7 column arrays, then the check's 2 (aggregate
     * ids, sequence that must exist or 0). Public for the benchmark, which runs it without the store
     * around it to show what PostgreSQL alone does.
     */
    public static String eventInsert(EventStoreMode mode) {
        return switch (mode) {
            case HORIZON -> INSERT_HORIZON;
            case CPES -> LOCK_APPENDS + ";\n" + INSERT_CPES;
            case APES -> INSERT_APES;
        };
    }

    static final String COLUMNS = "tx_id, position, event_id, aggregate_id, aggregate_sequence, event_type, context, payload, metadata, created_at";

    /** The new events of a batch, one array per column, in request order (ordinality = order in the batch). */
    private static final String INPUT = "input AS (SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " WITH ORDINALITY AS t(event_id, aggregate_id, aggregate_sequence, event_type, context, payload, metadata, ord))";

    /**
     * The optimistic check, inside the insert, one row per aggregate of the batch ({@link AppendGuard}:
     * text[] aggregate ids, bigint[] sequence whose event must exist, 0 when nothing needs looking
     * up): the append follows a stored event and the aggregate is not deleted. One violation and the
     * statement inserts nothing (the writer then classifies each append). An append overtaken by
     * another writer is stopped by the unique index on (aggregate, sequence). Both look-ups are
     * scalar sub-queries, so no cached plan can turn them into a scan of a whole table.
     */
    private static final String CHECK = "violation AS (SELECT 1 FROM unnest(?::text[], ?::bigint[]) AS x(aggregate_id, follows) "
            + "WHERE (x.follows > 0 AND (SELECT true FROM evento_event e WHERE e.aggregate_id = x.aggregate_id "
            + "AND e.aggregate_sequence = x.follows) IS NULL) "
            + "OR (SELECT true FROM evento_aggregate_deletion d WHERE d.aggregate_id = x.aggregate_id) IS NOT NULL LIMIT 1)";

    private static final String INSERT_FROM = "INSERT INTO evento_event (position, event_id, aggregate_id, aggregate_sequence, event_type, context, payload, metadata) ";

    private static final String SELECT_INPUT = "i.event_id, i.aggregate_id, i.aggregate_sequence, i.event_type, i.context, i.payload::json, i.metadata::json ";

    private static final String RETURNING = " RETURNING event_id, tx_id, position, created_at";

    /**
     * HORIZON: positions from the sequence. PostgreSQL evaluates volatile output expressions after
     * the sort, so positions ascend in batch order. Parameters: 7 arrays, then the check's 2.
     */
    static final String INSERT_HORIZON = "WITH " + INPUT + ", " + CHECK + " "
            + INSERT_FROM + "SELECT nextval('evento_event_position_seq'), " + SELECT_INPUT
            + "FROM input i WHERE NOT EXISTS (SELECT 1 FROM violation) ORDER BY i.ord" + RETURNING;

    /** CPES: dense positions after the current maximum; runs after {@link #LOCK_APPENDS} in the same transaction. */
    static final String INSERT_CPES = "WITH " + INPUT + ", " + CHECK + ", base AS (SELECT coalesce(max(position), 0) AS b FROM evento_event) "
            + INSERT_FROM + "SELECT base.b + i.ord, " + SELECT_INPUT
            + "FROM input i CROSS JOIN base WHERE NOT EXISTS (SELECT 1 FROM violation) ORDER BY i.ord" + RETURNING;

    /**
     * APES: time-ordered positions from the database clock: milliseconds since the epoch shifted by
     * 20 bits, 10 bits telling concurrent batches of the same millisecond apart, 10 bits of order in the batch.
     */
    static final String INSERT_APES = "WITH " + INPUT + ", " + CHECK + ", "
            + "slot AS (SELECT ((extract(epoch FROM clock_timestamp()) * 1000)::bigint << 20) + ((nextval('evento_event_position_seq') % 1024) << 10) AS s) "
            + INSERT_FROM + "SELECT slot.s + i.ord, " + SELECT_INPUT
            + "FROM input i CROSS JOIN slot WHERE NOT EXISTS (SELECT 1 FROM violation) ORDER BY i.ord" + RETURNING;

    /** This transaction's id: snapshots and deletions only apply to events this transaction inserted. */
    private static final String THIS_TX = "(pg_current_xact_id()::text::bigint)";

    /**
     * Saves the snapshots sent with inserted events, unless newer ones exist. Parameters: text[] ids,
     * bigint[] sequences, text[] states, text[] ids of the events they cover.
     */
    static final String UPSERT_SNAPSHOTS = "INSERT INTO evento_snapshot (aggregate_id, aggregate_sequence, state, updated_at) "
            + "SELECT s.id, s.seq, s.state::json, now() FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[]) AS s(id, seq, state, event_id) "
            + "WHERE EXISTS (SELECT 1 FROM evento_event e WHERE e.event_id = s.event_id AND e.tx_id = " + THIS_TX + ") "
            + "ON CONFLICT (aggregate_id) DO UPDATE SET aggregate_sequence = excluded.aggregate_sequence, state = excluded.state, "
            + "updated_at = excluded.updated_at WHERE evento_snapshot.aggregate_sequence < excluded.aggregate_sequence";

    /** Marks aggregates deleted with their last inserted event. Parameters: text[] ids, bigint[] sequences, text[] event ids. */
    static final String INSERT_DELETIONS = "INSERT INTO evento_aggregate_deletion (aggregate_id, aggregate_sequence) "
            + "SELECT d.id, d.seq FROM unnest(?::text[], ?::bigint[], ?::text[]) AS d(id, seq, event_id) "
            + "WHERE EXISTS (SELECT 1 FROM evento_event e WHERE e.event_id = d.event_id AND e.tx_id = " + THIS_TX + ") "
            + "ON CONFLICT (aggregate_id) DO NOTHING";

    /** Drops the snapshots of aggregates this transaction deleted. Parameters: text[] ids, text[] event ids. */
    static final String DELETE_SNAPSHOTS = "DELETE FROM evento_snapshot s USING unnest(?::text[], ?::text[]) AS x(id, event_id) "
            + "WHERE s.aggregate_id = x.id AND EXISTS (SELECT 1 FROM evento_event e WHERE e.event_id = x.event_id AND e.tx_id = " + THIS_TX + ")";

    /**
     * Writers plan their statements once: the insert's cost hardly depends on its arrays, and
     * re-planning it (about 1 ms here) would cost more than executing it.
     */
    static final String GENERIC_PLANS = "SET plan_cache_mode = force_generic_plan";

    static final String DEFAULT_PLANS = "RESET plan_cache_mode";

    /** Takes a transaction id (and commits at once): fails where nothing can be written (read-only, recovery, unreachable). */
    static final String WRITE_PROBE = "SELECT pg_current_xact_id()";

    /** CPES: one appending transaction at a time in the whole cluster, until commit. */
    static final String LOCK_APPENDS = "SELECT pg_advisory_xact_lock(7310011478575526913)";

    /** Last sequence and deletion of each aggregate of a batch. Parameter: text[] of aggregate ids. */
    static final String AGGREGATE_STATES = "SELECT a.id, "
            + "(SELECT max(e.aggregate_sequence) FROM evento_event e WHERE e.aggregate_id = a.id), "
            + "EXISTS (SELECT 1 FROM evento_aggregate_deletion d WHERE d.aggregate_id = a.id) "
            + "FROM unnest(?::text[]) AS a(id)";

    /** Stored events with the given ids (duplicate detection). Parameter: text[]. */
    static final String EVENTS_BY_ID = "SELECT event_id, tx_id, position, aggregate_sequence, created_at FROM evento_event WHERE event_id = ANY(?::text[])";

    static final String DELETE_AGGREGATE = "INSERT INTO evento_aggregate_deletion (aggregate_id, aggregate_sequence) "
            + "SELECT ?, coalesce(max(aggregate_sequence), 0) FROM evento_event WHERE aggregate_id = ? ON CONFLICT (aggregate_id) DO NOTHING";

    static final String DELETE_SNAPSHOT = "DELETE FROM evento_snapshot WHERE aggregate_id = ?";

    static final String SELECT_SNAPSHOT = "SELECT aggregate_sequence, state, updated_at FROM evento_snapshot WHERE aggregate_id = ?";

    static final String SAVE_SNAPSHOT = "INSERT INTO evento_snapshot (aggregate_id, aggregate_sequence, state, updated_at) "
            + "SELECT ?, ?, ?::json, now() WHERE EXISTS (SELECT 1 FROM evento_event WHERE aggregate_id = ? AND aggregate_sequence = ?) "
            + "ON CONFLICT (aggregate_id) DO UPDATE SET aggregate_sequence = excluded.aggregate_sequence, state = excluded.state, "
            + "updated_at = excluded.updated_at WHERE evento_snapshot.aggregate_sequence < excluded.aggregate_sequence";

    /**
     * An aggregate's story in one statement (one snapshot of the database): part 0 the snapshot
     * (sequence, state, updated at), part 1 the events after it, part 2 a row if it was deleted.
     * Parameters: aggregate id three times.
     */
    static final String AGGREGATE_STORY = "WITH snap AS (SELECT aggregate_sequence AS seq, state, updated_at FROM evento_snapshot WHERE aggregate_id = ?) "
            + "SELECT 0 AS part, NULL::bigint, NULL::bigint, NULL::text, NULL::text, seq, NULL::text, NULL::text, state::text, NULL::text, updated_at FROM snap "
            + "UNION ALL SELECT 1, " + COLUMNS.replace("payload, metadata", "payload::text, metadata::text")
            + " FROM evento_event WHERE aggregate_id = ? AND aggregate_sequence > coalesce((SELECT seq FROM snap), 0) "
            + "UNION ALL SELECT 2, NULL, NULL, NULL, NULL, aggregate_sequence, NULL, NULL, NULL, NULL, deleted_at FROM evento_aggregate_deletion WHERE aggregate_id = ? "
            + "ORDER BY 1, 6";

    /** {@link #AGGREGATE_STORY} plus part 3: the event with the given id (parameter 4), if stored. */
    static final String COMMAND_STORY = AGGREGATE_STORY.replace("ORDER BY 1, 6",
            "UNION ALL SELECT 3, " + COLUMNS.replace("payload, metadata", "payload::text, metadata::text")
                    + " FROM evento_event WHERE event_id = ? ORDER BY 1, 6");

    static final String EVENT_BY_ID = "SELECT " + COLUMNS + " FROM evento_event WHERE event_id = ?";


    /**
     * A page of the global stream: the inner query scans in stream order and marks matching
     * events; the outer one returns payload and metadata only for those (the others are read for
     * their position, so a reader with a narrow filter still advances).
     * Parameters: types text[] (empty = all), types again, the exact context (null = any) twice, the
     * context prefix (null = none) twice, then the mode's conditions.
     */
    private static String page(String where, String order) {
        return "SELECT tx_id, position, event_id, aggregate_id, aggregate_sequence, event_type, context, "
                + "CASE WHEN m THEN payload END, CASE WHEN m THEN metadata END, created_at, m FROM ("
                + "SELECT e.*, ((cardinality(?::text[]) = 0 OR e.event_type = ANY(?::text[])) AND (?::text IS NULL OR e.context = ?::text) "
                + "AND (?::text IS NULL OR starts_with(e.context, ?::text))) AS m "
                + "FROM evento_event e WHERE " + where + " ORDER BY " + order + " LIMIT ?) s ORDER BY " + order.replace("e.", "");
    }

    /** The oldest transaction still running: every transaction below it has finished. */
    private static final String FENCE = "(SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint)";

    /** APES: the newest position readers may read, the fetch delay (ms, parameter) behind the database clock. */
    private static final String APES_BOUND = "(((extract(epoch FROM clock_timestamp()) * 1000)::bigint - ?) << 20)";

    /**
     * HORIZON: only transactions older than the oldest one running are read; they are all
     * finished, so nothing can later appear before the cursor. Parameters: filter (6), tx, position, limit.
     */
    static final String READ_HORIZON = page("(e.tx_id, e.position) > (?, ?) AND e.tx_id < " + FENCE, "e.tx_id, e.position");

    /** CPES: positions are dense and become visible in order. Parameters: filter (6), position, limit. */
    static final String READ_CPES = page("e.position > ?", "e.position");

    /** APES: only events older than the fetch delay. Parameters: filter (6), position, delay ms, limit. */
    static final String READ_APES = page("e.position > ? AND e.position < " + APES_BOUND, "e.position");

    static final String HEAD_HORIZON = "SELECT tx_id, position FROM evento_event "
            + "WHERE tx_id < " + FENCE + " ORDER BY tx_id DESC, position DESC LIMIT 1";

    static final String HEAD_CPES = "SELECT 0, position FROM evento_event ORDER BY position DESC LIMIT 1";

    static final String HEAD_APES = "SELECT 0, position FROM evento_event "
            + "WHERE position < " + APES_BOUND + " ORDER BY position DESC LIMIT 1";

    /** Browsing: one aggregate's events by sequence. Parameters: aggregate id, after sequence, limit. */
    static final String AGGREGATE_EVENTS = "SELECT " + COLUMNS + " FROM evento_event WHERE aggregate_id = ? AND aggregate_sequence > ? "
            + "ORDER BY aggregate_sequence LIMIT ?";

    /** Lag: events readable after a position, counted up to a cap. Parameters: tx, position, cap. */
    static final String COUNT_AFTER_HORIZON = "SELECT count(*) FROM (SELECT 1 FROM evento_event e WHERE (e.tx_id, e.position) > (?, ?) "
            + "AND e.tx_id < " + FENCE + " LIMIT ?) x";

    /** Parameters: position, cap. */
    static final String COUNT_AFTER_CPES = "SELECT count(*) FROM (SELECT 1 FROM evento_event e WHERE e.position > ? LIMIT ?) x";

    /** Parameters: position, delay ms, cap. */
    static final String COUNT_AFTER_APES = "SELECT count(*) FROM (SELECT 1 FROM evento_event e WHERE e.position > ? AND e.position < "
            + APES_BOUND + " LIMIT ?) x";

    /** Browsing snapshots. Parameters: text to find in the aggregate id ('' = all), offset, limit. */
    static final String LIST_SNAPSHOTS = "SELECT aggregate_id, aggregate_sequence, state::text, updated_at FROM evento_snapshot "
            + "WHERE strpos(aggregate_id, ?) > 0 ORDER BY aggregate_id OFFSET ? LIMIT ?";

    /** Parameters: text to find in the aggregate id. */
    static final String COUNT_SNAPSHOTS = "SELECT count(*) FROM evento_snapshot WHERE strpos(aggregate_id, ?) > 0";

    static final String SELECT_SETTING = "SELECT value FROM evento_store_setting WHERE name = ?";

    static final String INSERT_SETTING = "INSERT INTO evento_store_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING";
}
