package io.evento.server.telemetry.jdbc;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.telemetry.HandlerKey;
import io.evento.server.telemetry.HandlerWindow;
import io.evento.server.telemetry.MinuteCounts;
import io.evento.server.telemetry.MinutePoint;
import io.evento.server.telemetry.MinuteSends;
import io.evento.server.telemetry.SendKey;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-minute telemetry of every server instance in PostgreSQL. */
@jakarta.enterprise.context.ApplicationScoped
public class TelemetryStore {

    private DataSource dataSource;

    protected TelemetryStore() {
        // for the CDI client proxy
    }

    @jakarta.inject.Inject
    public TelemetryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes this instance's buckets (each row replaces the same minute's earlier value). */
    public void publish(String memberId, List<MinuteCounts> counts, List<MinuteSends> sends) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement handlers = c.prepareStatement(TelemetrySql.UPSERT_HANDLER);
                 PreparedStatement messages = c.prepareStatement(TelemetrySql.UPSERT_SEND)) {
                for (MinuteCounts row : counts) {
                    handlers.setLong(1, row.minute());
                    handlers.setString(2, memberId);
                    handlers.setString(3, row.handler().bundleId());
                    handlers.setString(4, row.handler().component());
                    handlers.setString(5, row.handler().payloadType());
                    handlers.setLong(6, row.invocations());
                    handlers.setLong(7, row.failures());
                    handlers.setDouble(8, row.totalMillis());
                    handlers.setDouble(9, row.maxMillis());
                    handlers.addBatch();
                }
                for (MinuteSends row : sends) {
                    messages.setLong(1, row.minute());
                    messages.setString(2, memberId);
                    messages.setString(3, row.sender().bundleId());
                    messages.setString(4, row.sender().component());
                    messages.setString(5, row.sender().handler());
                    messages.setString(6, row.sender().payloadType());
                    messages.setLong(7, row.messages());
                    messages.addBatch();
                }
                handlers.executeBatch();
                messages.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Every handler's totals since the minute (epoch minutes), over {@code seconds} for the rate. */
    public List<HandlerWindow> window(long sinceMinute, double seconds) {
        List<HandlerWindow> rows = new ArrayList<>();
        query(TelemetrySql.HANDLER_WINDOW, statement -> statement.setLong(1, sinceMinute), r -> {
            long invocations = r.getLong(4);
            rows.add(new HandlerWindow(r.getString(1), r.getString(2), r.getString(3), invocations, r.getLong(5),
                    invocations == 0 ? 0 : r.getDouble(6) / invocations, r.getDouble(7), invocations / seconds));
        });
        return rows;
    }

    /** One handler's minutes since the minute (epoch minutes). */
    public List<MinutePoint> series(HandlerKey handler, long sinceMinute) {
        List<MinutePoint> points = new ArrayList<>();
        query(TelemetrySql.HANDLER_SERIES, statement -> {
            statement.setString(1, handler.bundleId());
            statement.setString(2, handler.component());
            statement.setString(3, handler.payloadType());
            statement.setLong(4, sinceMinute);
        }, r -> {
            long invocations = r.getLong(2);
            points.add(new MinutePoint(r.getTimestamp(1).toInstant(), invocations, r.getLong(3),
                    invocations == 0 ? 0 : r.getDouble(4) / invocations, r.getDouble(5)));
        });
        return points;
    }

    /** Who sent what since the minute (epoch minutes). */
    public Map<SendKey, Long> sends(long sinceMinute) {
        Map<SendKey, Long> sends = new HashMap<>();
        query(TelemetrySql.SEND_WINDOW, statement -> statement.setLong(1, sinceMinute),
                r -> sends.put(new SendKey(r.getString(1), r.getString(2), r.getString(3), r.getString(4)), r.getLong(5)));
        return sends;
    }

    /** Deletes minutes before the minute (epoch minutes). */
    public void prune(long beforeMinute) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (String sql : List.of(TelemetrySql.PRUNE_HANDLERS, TelemetrySql.PRUNE_SENDS)) {
                try (PreparedStatement statement = c.prepareStatement(sql)) {
                    statement.setLong(1, beforeMinute);
                    statement.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, Binder binder, Row row) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        row.read(rows);
                    }
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static EventoException unavailable(SQLException e) {
        return new EventoException(ErrorCode.DATABASE_UNAVAILABLE, "telemetry cannot be read or written: " + e.getMessage());
    }
}
