package io.evento.server.consumer.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.ConsumerReport.ConsumerStatus;
import io.evento.server.consumer.ReportedConsumer;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The last report of each consumer. */
@ApplicationScoped
public class ConsumerReportStore {

    static final String UPSERT = "INSERT INTO evento_consumer_report (consumer_id, bundle_id, instance_id, member_id, connection_key, status, reported_at) "
            + "VALUES (?, ?, ?, ?, ?, ?::json, now()) ON CONFLICT (consumer_id) DO UPDATE SET bundle_id = EXCLUDED.bundle_id, "
            + "instance_id = EXCLUDED.instance_id, member_id = EXCLUDED.member_id, connection_key = EXCLUDED.connection_key, "
            + "status = EXCLUDED.status, reported_at = EXCLUDED.reported_at";
    static final String SELECT = "SELECT bundle_id, instance_id, member_id, connection_key, status::text, reported_at FROM evento_consumer_report";
    static final String SELECT_ALL = SELECT + " ORDER BY consumer_id";
    static final String SELECT_ONE = SELECT + " WHERE consumer_id = ?";

    private DataSource dataSource;
    private final ObjectMapper json = new ObjectMapper();

    protected ConsumerReportStore() {
        // for the CDI client proxy
    }

    @Inject
    public ConsumerReportStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(String bundleId, String instanceId, String memberId, String connectionKey, List<ConsumerStatus> statuses) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement statement = c.prepareStatement(UPSERT)) {
                for (ConsumerStatus status : statuses) {
                    statement.setString(1, status.consumerId());
                    statement.setString(2, bundleId);
                    statement.setString(3, instanceId);
                    statement.setString(4, memberId);
                    statement.setString(5, connectionKey);
                    statement.setString(6, json.writeValueAsString(status));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ReportedConsumer> all() {
        List<ReportedConsumer> all = new ArrayList<>();
        read(SELECT_ALL, null, all);
        return all;
    }

    public Optional<ReportedConsumer> find(String consumerId) {
        List<ReportedConsumer> one = new ArrayList<>();
        read(SELECT_ONE, consumerId, one);
        return one.stream().findFirst();
    }

    private void read(String sql, String consumerId, List<ReportedConsumer> into) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                if (consumerId != null) {
                    statement.setString(1, consumerId);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        into.add(new ReportedConsumer(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                json.readValue(rows.getString(5), ConsumerStatus.class), rows.getTimestamp(6).toInstant()));
                    }
                }
            }
        } catch (SQLException e) {
            throw unavailable(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable consumer report: " + e.getOriginalMessage(), e);
        }
    }

    private static EventoException unavailable(SQLException e) {
        return new EventoException(ErrorCode.DATABASE_UNAVAILABLE, "consumer reports cannot be read or written: " + e.getMessage());
    }
}
