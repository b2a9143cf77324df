package io.evento.server.security.jdbc;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/** Reads the key that signs admin sessions; the first instance that needs one makes it. */
public final class AdminKeyStore {

    static final String INSERT = "INSERT INTO evento_admin_key (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING";
    static final String SELECT = "SELECT secret FROM evento_admin_key WHERE id = 1";

    private final DataSource dataSource;

    public AdminKeyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The shared key (32 random bytes, Base64), created if there is none yet. */
    public String key() {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setString(1, Base64.getEncoder().encodeToString(candidate));
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement(SELECT); ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new EventoException(ErrorCode.DATABASE_UNAVAILABLE, "cannot read the admin session key: " + e.getMessage());
        }
    }
}
