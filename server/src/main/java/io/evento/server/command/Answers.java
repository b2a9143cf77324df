package io.evento.server.command;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.QueryResult;
import io.evento.server.connection.FrameIds;

/**
 * The answers the server gives callers. {@code duplicate} has one meaning on every path: the
 * answer belongs to a send of the same id that came earlier (the command ran once, for that one).
 */
public final class Answers {

    private Answers() {
    }

    /** The answer again, for a repeated send of the same id: a command result says {@code duplicate}. */
    public static Frame repeated(Frame answer) {
        if (answer instanceof CommandResult result) {
            return new CommandResult(FrameIds.next(), result.correlationId(), result.event(), true);
        }
        if (answer instanceof QueryResult result) {
            return new QueryResult(FrameIds.next(), result.correlationId(), result.result());
        }
        if (answer instanceof Failure failure) {
            return new Failure(FrameIds.next(), failure.correlationId(), failure.code(), failure.message(), failure.retryable(),
                    failure.exceptionType());
        }
        return answer;
    }

    public static Failure failure(String correlationId, ErrorCode code, String message) {
        return new Failure(FrameIds.next(), correlationId, code.name(), message, code.retryable(), null);
    }

    /** The deadline passed: the outcome is unknown, a retry with the same id tells. */
    public static Failure indeterminate(String correlationId, String message) {
        return failure(correlationId, ErrorCode.TIMEOUT_INDETERMINATE, message);
    }
}
