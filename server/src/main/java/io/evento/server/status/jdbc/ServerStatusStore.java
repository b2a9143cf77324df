package io.evento.server.status.jdbc;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.status.ServerStatus;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The status rows of the server instances. */
@ApplicationScoped
public class ServerStatusStore {

    static final String UPSERT = "INSERT INTO evento_server_status (member_id, instance_id, url, ready, connections, requests, invocations, reported_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT (member_id) DO UPDATE SET instance_id = EXCLUDED.instance_id, "
            + "url = EXCLUDED.url, ready = EXCLUDED.ready, connections = EXCLUDED.connections, requests = EXCLUDED.requests, "
            + "invocations = EXCLUDED.invocations, reported_at = EXCLUDED.reported_at";
    static final String SELECT = "SELECT member_id, instance_id, url, ready, connections, requests, invocations, reported_at "
            + "FROM evento_server_status ORDER BY member_id";
    static final String PRUNE = "DELETE FROM evento_server_status WHERE reported_at < now() - interval '1 day'";

    private DataSource dataSource;

    protected ServerStatusStore() {
        // for the CDI client proxy
    }

    @Inject
    public ServerStatusStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void publish(ServerStatus status) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement statement = c.prepareStatement(UPSERT)) {
                statement.setString(1, status.memberId());
                statement.setString(2, status.instanceId());
                statement.setString(3, status.url());
                statement.setBoolean(4, status.ready());
                statement.setInt(5, status.connections());
                statement.setInt(6, status.requests());
                statement.setInt(7, status.invocations());
                statement.executeUpdate();
            }
            try (PreparedStatement prune = c.prepareStatement(PRUNE)) {
                prune.executeUpdate();
            }
        } catch (SQLException e) {
            throw new EventoException(ErrorCode.DATABASE_UNAVAILABLE, "server status not published: " + e.getMessage());
        }
    }

    public List<ServerStatus> all() {
        List<ServerStatus> all = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement statement = c.prepareStatement(SELECT); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    all.add(new ServerStatus(rows.getString(1), rows.getString(2), rows.getString(3), rows.getBoolean(4), rows.getInt(5),
                            rows.getInt(6), rows.getInt(7), rows.getTimestamp(8).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new EventoException(ErrorCode.DATABASE_UNAVAILABLE, "server status not readable: " + e.getMessage());
        }
        return all;
    }
}
