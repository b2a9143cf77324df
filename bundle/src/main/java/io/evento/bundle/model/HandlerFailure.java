package io.evento.bundle.model;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

/** Turns what a handler threw into the failure the caller receives. */
public final class HandlerFailure {

    private HandlerFailure() {
    }

    /** An {@link EventoException} keeps its code; anything else is HANDLER_FAILED with the exception's message. */
    public static EventoException of(Throwable thrown) {
        if (thrown instanceof EventoException evento) {
            return evento;
        }
        String message = thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
        return new HandlerException(message, thrown);
    }

    /** HANDLER_FAILED carrying the handler's exception type. */
    public static final class HandlerException extends EventoException {
        private final String exceptionType;

        HandlerException(String message, Throwable cause) {
            super(ErrorCode.HANDLER_FAILED, message, cause);
            this.exceptionType = cause.getClass().getName();
        }

        public String exceptionType() {
            return exceptionType;
        }
    }
}
