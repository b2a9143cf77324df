package io.evento.server.telemetry.jdbc;

/** Every statement of the telemetry store. Minutes are stored as timestamps of their start. */
final class TelemetrySql {

    static final String UPSERT_HANDLER = "INSERT INTO evento_handler_minute (minute, member_id, bundle_id, component, payload_type, "
            + "invocations, failures, total_millis, max_millis) VALUES (to_timestamp(? * 60), ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (minute, member_id, bundle_id, component, payload_type) DO UPDATE SET invocations = EXCLUDED.invocations, "
            + "failures = EXCLUDED.failures, total_millis = EXCLUDED.total_millis, max_millis = EXCLUDED.max_millis";

    static final String UPSERT_SEND = "INSERT INTO evento_send_minute (minute, member_id, bundle_id, component, handler, payload_type, messages) "
            + "VALUES (to_timestamp(? * 60), ?, ?, ?, ?, ?, ?) ON CONFLICT (minute, member_id, bundle_id, component, handler, payload_type) "
            + "DO UPDATE SET messages = EXCLUDED.messages";

    /** Parameters: since (epoch minutes). */
    static final String HANDLER_WINDOW = "SELECT bundle_id, component, payload_type, sum(invocations), sum(failures), sum(total_millis), "
            + "max(max_millis) FROM evento_handler_minute WHERE minute >= to_timestamp(? * 60) "
            + "GROUP BY bundle_id, component, payload_type ORDER BY bundle_id, component, payload_type";

    /** Parameters: bundle, component, payload type, since (epoch minutes). */
    static final String HANDLER_SERIES = "SELECT minute, sum(invocations), sum(failures), sum(total_millis), max(max_millis) "
            + "FROM evento_handler_minute WHERE bundle_id = ? AND component = ? AND payload_type = ? AND minute >= to_timestamp(? * 60) "
            + "GROUP BY minute ORDER BY minute";

    /** Parameters: since (epoch minutes). */
    static final String SEND_WINDOW = "SELECT bundle_id, component, handler, payload_type, sum(messages) FROM evento_send_minute "
            + "WHERE minute >= to_timestamp(? * 60) GROUP BY bundle_id, component, handler, payload_type";

    /** Parameters: before (epoch minutes). */
    static final String PRUNE_HANDLERS = "DELETE FROM evento_handler_minute WHERE minute < to_timestamp(? * 60)";

    static final String PRUNE_SENDS = "DELETE FROM evento_send_minute WHERE minute < to_timestamp(? * 60)";

    private TelemetrySql() {
    }
}
