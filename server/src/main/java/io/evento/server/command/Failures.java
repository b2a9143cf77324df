package io.evento.server.command;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.Failure;
import io.evento.server.connection.FrameIds;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;

/**
 * What a caller is told when executing its request threw: the platform's error when there is one,
 * {@code DATABASE_UNAVAILABLE} (retryable) for any database failure however the container wrapped
 * it, {@code INTERNAL} only for a fault of the server itself.
 */
final class Failures {

    private Failures() {
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static EventoException evento(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof EventoException e) {
                return e;
            }
        }
        return null;
    }

    static boolean database(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    /** The failure frame answering request {@code correlationId}. */
    static Failure of(String correlationId, Throwable error) {
        Throwable cause = unwrap(error);
        EventoException evento = evento(cause);
        if (evento != null) {
            return new Failure(FrameIds.next(), correlationId, evento.code().name(), evento.getMessage(), evento.code().retryable(), null);
        }
        if (database(cause)) {
            return Answers.failure(correlationId, ErrorCode.DATABASE_UNAVAILABLE, "the database failed: " + rootMessage(cause));
        }
        return Answers.failure(correlationId, ErrorCode.INTERNAL, "unexpected " + cause);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
