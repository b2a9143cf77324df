package io.evento.bundle.cdi.rest;

import io.evento.protocol.ErrorCode;

/** The HTTP status a REST API answers for a failure the platform reported. */
public final class ErrorStatus {

    private ErrorStatus() {
    }

    /**
     * 422 a rule of the domain said no; 404 nothing there; 409 exists or lost a race; 410 deleted;
     * 400 a bad request; 503 platform trouble, retry later; 504 the outcome is unknown; 500 otherwise.
     */
    public static int of(ErrorCode code) {
        return switch (code) {
            case HANDLER_FAILED -> 422;
            case NOT_FOUND, AGGREGATE_NOT_FOUND -> 404;
            case AGGREGATE_ALREADY_EXISTS, CONCURRENCY_CONFLICT -> 409;
            case AGGREGATE_DELETED -> 410;
            case INVALID_REQUEST, INVALID_JSON, MALFORMED_FRAME, PAYLOAD_TOO_LARGE -> 400;
            case TIMEOUT_INDETERMINATE -> 504;
            case OVERLOADED, NO_HANDLER, NOT_READY, DATABASE_UNAVAILABLE -> 503;
            default -> 500;
        };
    }
}
