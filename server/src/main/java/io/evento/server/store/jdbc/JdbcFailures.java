package io.evento.server.store.jdbc;

import java.sql.SQLException;

/**
 * The database failure inside whatever a container wrapped it in: Payara's pool proxies a
 * connection's statements and reports some driver failures as an
 * {@link java.lang.reflect.UndeclaredThrowableException} around the {@link SQLException}.
 */
final class JdbcFailures {

    private JdbcFailures() {
    }

    /** The SQL exception in the cause chain, or null when the failure is not the database's. */
    static SQLException sqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Whether the failure means the connection is gone or unusable (connection, admin shutdown, crash states). */
    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.startsWith("57") || state.startsWith("53") || state.equals("XX000")
                || (e.getMessage() != null && e.getMessage().contains("connection has been closed"));
    }
}
