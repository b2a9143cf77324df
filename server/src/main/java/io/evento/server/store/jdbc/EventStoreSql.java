package io.evento.server.store.jdbc;

/**
 * Every SQL statement of the PostgreSQL event store, as named constants. The schema is the Flyway
 * migration {@code V1__event_store.sql}; the reading order of each mode: ADR 0003.
 */
final class EventStoreSql {

    private EventStoreSql() {
    }

    static final String COLUMNS = "tx_id, position, event_id, aggregate_id, aggregate_sequence, event_type, context, payload, metadata, created_at";

    /** The new events of a batch, one array per column, in request order (ordinality = order in the batch). */
    private static final String INPUT = "input AS (SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " WITH ORDINALITY AS t(event_id, aggregate_id, aggregate_sequence, event_type, context, payload, metadata, ord))";

    private static final String INSERT_FROM = "INSERT INTO evento_event (position, event_id, aggregate_id, aggregate_sequence, event_type, context, payload, metadata) ";

    private static final String RETURNING = " RETURNING event_id, tx_id, position, created_at";

    /** HORIZON: positions from the sequence, ascending in batch order. Parameters: 7 arrays, count. */
    static final String INSERT_HORIZON = "WITH " + INPUT + ", "
            + "positions AS (SELECT row_number() OVER (ORDER BY v) AS ord, v FROM (SELECT nextval('evento_event_position_seq') AS v FROM generate_series(1, ?)) s) "
            + INSERT_FROM
            + "SELECT p.v, i.event_id, i.aggregate_id, i.aggregate_sequence, i.event_type, i.context, i.payload::json, i.metadata::json "
            + "FROM input i JOIN positions p ON p.ord = i.ord ORDER BY i.ord" + RETURNING;

    /** CPES: dense positions after the current maximum; runs while holding {@link #LOCK_APPENDS}. */
    static final String INSERT_CPES = "WITH " + INPUT + ", base AS (SELECT coalesce(max(position), 0) AS b FROM evento_event) "
            + INSERT_FROM
            + "SELECT base.b + i.ord, i.event_id, i.aggregate_id, i.aggregate_sequence, i.event_type, i.context, i.payload::json, i.metadata::json "
            + "FROM input i CROSS JOIN base ORDER BY i.ord" + RETURNING;

    /**
     * APES: time-ordered positions from the database clock: milliseconds since the epoch shifted by
     * 20 bits, 10 bits telling concurrent batches of the same millisecond apart, 10 bits of order in the batch.
     */
    static final String INSERT_APES = "WITH " + INPUT + ", "
            + "slot AS (SELECT ((extract(epoch FROM clock_timestamp()) * 1000)::bigint << 20) + ((nextval('evento_event_position_seq') % 1024) << 10) AS s) "
            + INSERT_FROM
            + "SELECT slot.s + i.ord, i.event_id, i.aggregate_id, i.aggregate_sequence, i.event_type, i.context, i.payload::json, i.metadata::json "
            + "FROM input i CROSS JOIN slot ORDER BY i.ord" + RETURNING;

    /** CPES: one appending transaction at a time in the whole cluster, until commit. */
    static final String LOCK_APPENDS = "SELECT pg_advisory_xact_lock(7310011478575526913)";

    /** Last sequence and deletion of each aggregate of a batch. Parameter: text[] of aggregate ids. */
    static final String AGGREGATE_STATES = "SELECT a.id, "
            + "(SELECT max(e.aggregate_sequence) FROM evento_event e WHERE e.aggregate_id = a.id), "
            + "EXISTS (SELECT 1 FROM evento_aggregate_deletion d WHERE d.aggregate_id = a.id) "
            + "FROM unnest(?::text[]) AS a(id)";

    /** Stored events with the given ids (duplicate detection). Parameter: text[]. */
    static final String EVENTS_BY_ID = "SELECT event_id, tx_id, position, aggregate_sequence FROM evento_event WHERE event_id = ANY(?::text[])";

    /** Saves snapshots unless newer ones exist. Parameters: text[] ids, bigint[] sequences, text[] states. */
    static final String UPSERT_SNAPSHOTS = "INSERT INTO evento_snapshot (aggregate_id, aggregate_sequence, state, updated_at) "
            + "SELECT s.id, s.seq, s.state::json, now() FROM unnest(?::text[], ?::bigint[], ?::text[]) AS s(id, seq, state) "
            + "ON CONFLICT (aggregate_id) DO UPDATE SET aggregate_sequence = excluded.aggregate_sequence, state = excluded.state, "
            + "updated_at = excluded.updated_at WHERE evento_snapshot.aggregate_sequence < excluded.aggregate_sequence";

    /** Marks aggregates deleted. Parameters: text[] ids, bigint[] last sequences. */
    static final String INSERT_DELETIONS = "INSERT INTO evento_aggregate_deletion (aggregate_id, aggregate_sequence) "
            + "SELECT * FROM unnest(?::text[], ?::bigint[]) ON CONFLICT (aggregate_id) DO NOTHING";

    static final String DELETE_SNAPSHOTS = "DELETE FROM evento_snapshot WHERE aggregate_id = ANY(?::text[])";

    static final String DELETE_AGGREGATE = "INSERT INTO evento_aggregate_deletion (aggregate_id, aggregate_sequence) "
            + "SELECT ?, coalesce(max(aggregate_sequence), 0) FROM evento_event WHERE aggregate_id = ? ON CONFLICT (aggregate_id) DO NOTHING";

    static final String DELETE_SNAPSHOT = "DELETE FROM evento_snapshot WHERE aggregate_id = ?";

    static final String SELECT_SNAPSHOT = "SELECT aggregate_sequence, state, updated_at FROM evento_snapshot WHERE aggregate_id = ?";

    static final String SAVE_SNAPSHOT = "INSERT INTO evento_snapshot (aggregate_id, aggregate_sequence, state, updated_at) "
            + "SELECT ?, ?, ?::json, now() WHERE EXISTS (SELECT 1 FROM evento_event WHERE aggregate_id = ? AND aggregate_sequence = ?) "
            + "ON CONFLICT (aggregate_id) DO UPDATE SET aggregate_sequence = excluded.aggregate_sequence, state = excluded.state, "
            + "updated_at = excluded.updated_at WHERE evento_snapshot.aggregate_sequence < excluded.aggregate_sequence";

    static final String AGGREGATE_EVENTS = "SELECT " + COLUMNS + " FROM evento_event WHERE aggregate_id = ? AND aggregate_sequence > ? "
            + "ORDER BY aggregate_sequence";

    static final String AGGREGATE_DELETED = "SELECT 1 FROM evento_aggregate_deletion WHERE aggregate_id = ?";

    /**
     * A page of the global stream: the inner query scans in stream order and marks matching
     * events; the outer one returns payload and metadata only for those (the others are read for
     * their position, so a reader with a narrow filter still advances).
     * Parameters: types text[] (empty = all), types again, context ('*' = all), context again, then the
     * mode's conditions.
     */
    private static String page(String where, String order) {
        return "SELECT tx_id, position, event_id, aggregate_id, aggregate_sequence, event_type, context, "
                + "CASE WHEN m THEN payload END, CASE WHEN m THEN metadata END, created_at, m FROM ("
                + "SELECT e.*, ((cardinality(?::text[]) = 0 OR e.event_type = ANY(?::text[])) AND (?::text = '*' OR e.context = ?::text)) AS m "
                + "FROM evento_event e WHERE " + where + " ORDER BY " + order + " LIMIT ?) s ORDER BY " + order.replace("e.", "");
    }

    /** The oldest transaction still running: every transaction below it has finished. */
    private static final String FENCE = "(SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint)";

    /** APES: the newest position readers may read, the fetch delay (ms, parameter) behind the database clock. */
    private static final String APES_BOUND = "(((extract(epoch FROM clock_timestamp()) * 1000)::bigint - ?) << 20)";

    /**
     * HORIZON: only transactions older than the oldest one running are read; they are all
     * finished, so nothing can later appear before the cursor. Parameters: filter (4), tx, position, limit.
     */
    static final String READ_HORIZON = page("(e.tx_id, e.position) > (?, ?) AND e.tx_id < " + FENCE, "e.tx_id, e.position");

    /** CPES: positions are dense and become visible in order. Parameters: filter (4), position, limit. */
    static final String READ_CPES = page("e.position > ?", "e.position");

    /** APES: only events older than the fetch delay. Parameters: filter (4), position, delay ms, limit. */
    static final String READ_APES = page("e.position > ? AND e.position < " + APES_BOUND, "e.position");

    static final String HEAD_HORIZON = "SELECT tx_id, position FROM evento_event "
            + "WHERE tx_id < " + FENCE + " ORDER BY tx_id DESC, position DESC LIMIT 1";

    static final String HEAD_CPES = "SELECT 0, position FROM evento_event ORDER BY position DESC LIMIT 1";

    static final String HEAD_APES = "SELECT 0, position FROM evento_event "
            + "WHERE position < " + APES_BOUND + " ORDER BY position DESC LIMIT 1";

    static final String SELECT_SETTING = "SELECT value FROM evento_store_setting WHERE name = ?";

    static final String INSERT_SETTING = "INSERT INTO evento_store_setting (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING";
}
