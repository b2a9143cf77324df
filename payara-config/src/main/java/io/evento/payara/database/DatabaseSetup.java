package io.evento.payara.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Makes sure the server's database and role exist, connecting as an administrator. Used by
 * {@code deploy/evento} and by the test harnesses; does nothing when both already exist.
 */
public final class DatabaseSetup {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final DatabaseUrl url;
    private final String adminUser;
    private final String adminPassword;

    public DatabaseSetup(DatabaseUrl url, String adminUser, String adminPassword) {
        this.url = url;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Whether something accepts TCP connections at the database's host and port. */
    public static boolean answers(DatabaseUrl url) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.host(), url.port()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates the login role (when missing) and the database owned by it (when missing). */
    public void ensure(String user, String password) throws SQLException {
        requireIdentifier(user, "user");
        requireIdentifier(url.database(), "database");
        try (Connection admin = adminConnection()) {
            if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
                }
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", url.database())) {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("CREATE DATABASE " + url.database() + " OWNER " + user);
                } catch (SQLException e) {
                    // another process created it between our check and our statement
                    if (!"42P04".equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Drops a database (tests use throw-away databases). */
    public void drop(String database) throws SQLException {
        requireIdentifier(database, "database");
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private Connection adminConnection() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", adminUser);
        properties.setProperty("password", adminPassword);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url.jdbcUrl("postgres"), properties);
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void requireIdentifier(String name, String what) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("the " + what + " name must be a plain SQL identifier, got: " + name);
        }
    }
}
