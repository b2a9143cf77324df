package io.evento.examples.todo.audit;

import io.evento.bundle.annotation.CommandHandler;
import io.evento.bundle.annotation.Projection;
import io.evento.bundle.annotation.QueryHandler;
import io.evento.bundle.annotation.Service;
import io.evento.examples.todo.audit.AuditMessages.AuditEntry;
import io.evento.examples.todo.audit.AuditMessages.AuditRecorded;
import io.evento.examples.todo.audit.AuditMessages.GetAuditTrail;
import io.evento.examples.todo.audit.AuditMessages.RecordAudit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Keeps the audit trail in PostgreSQL and records each entry as a service event. */
@Service
public class AuditService {

    static final String CREATE = "CREATE TABLE IF NOT EXISTS todo_audit (id bigserial PRIMARY KEY, list_id text NOT NULL, "
            + "entry text NOT NULL, at timestamptz NOT NULL DEFAULT now())";
    static final String INSERT = "INSERT INTO todo_audit (list_id, entry) VALUES (?, ?)";
    static final String SELECT = "SELECT entry FROM todo_audit WHERE list_id = ? ORDER BY id";

    private final DataSource dataSource;

    public AuditService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @CommandHandler
    AuditRecorded handle(RecordAudit command) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement create = c.createStatement();
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            create.execute(CREATE);
            insert.setString(1, command.listId());
            insert.setString(2, command.entry());
            insert.executeUpdate();
        }
        return new AuditRecorded(command.listId(), command.entry());
    }

    /** The trail of a list, oldest first. */
    @Projection
    public static class AuditTrail {
        private final DataSource dataSource;

        public AuditTrail(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @QueryHandler
        List<AuditEntry> handle(GetAuditTrail query) throws SQLException {
            List<AuditEntry> entries = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); Statement create = c.createStatement();
                 PreparedStatement select = c.prepareStatement(SELECT)) {
                create.execute(CREATE);
                select.setString(1, query.listId());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new AuditEntry(rows.getString(1)));
                    }
                }
            }
            return entries;
        }
    }
}
