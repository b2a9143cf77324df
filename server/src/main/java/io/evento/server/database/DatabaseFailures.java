package io.evento.server.database;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

import java.sql.SQLException;

/**
 * The database failure inside whatever a container or a JPA provider wrapped it in (Payara's pool
 * reports some driver failures as an {@link java.lang.reflect.UndeclaredThrowableException} around
 * the {@link SQLException}; EclipseLink and Hibernate put theirs in a {@code PersistenceException}).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** The SQL exception in the cause chain, or null when the failure is not the database's. */
    public static SQLException sqlException(Throwable failure) {
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
    public static boolean connectionLost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.startsWith("57") || state.startsWith("53") || state.equals("XX000")
                || (e.getMessage() != null && e.getMessage().contains("connection has been closed"));
    }

    /**
     * The failure as the API reports it: an {@link EventoException} stays what it is, a database
     * failure becomes {@code DATABASE_UNAVAILABLE} (retryable) saying what could not be done.
     */
    public static RuntimeException translate(RuntimeException failure, String what) {
        if (failure instanceof EventoException) {
            return failure;
        }
        SQLException sql = sqlException(failure);
        if (sql != null) {
            return new EventoException(ErrorCode.DATABASE_UNAVAILABLE, what + ": " + sql.getMessage(), failure);
        }
        return failure;
    }
}
