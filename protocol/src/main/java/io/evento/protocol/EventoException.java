package io.evento.protocol;

import java.util.Objects;

/**
 * The one exception type of the platform: an {@link ErrorCode} plus a message that tells the
 * caller what was wrong with which input.
 */
public class EventoException extends RuntimeException {

    private final ErrorCode code;

    public EventoException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public EventoException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
