package io.evento.protocol;

/**
 * Every error the Evento platform reports, on the wire (bus frames) and over HTTP (problem+json).
 *
 * <p>The code is stable and machine-readable; the HTTP status is the one an HTTP API answers with,
 * and {@link #retryable()} tells a client whether sending the same request again may succeed.
 */
public enum ErrorCode {
    // malformed or invalid input
    INVALID_REQUEST(400, false, "The request is invalid"),
    MALFORMED_FRAME(400, false, "The frame is not valid JSON or misses required fields"),
    UNKNOWN_FRAME_TYPE(400, false, "The frame type is not known"),
    INVALID_JSON(400, false, "A payload or metadata field is not valid JSON"),
    PAYLOAD_TOO_LARGE(413, false, "The payload exceeds the configured limit"),
    PROTOCOL_VIOLATION(400, false, "The frame is not allowed in the current state of the connection"),

    // security
    UNAUTHENTICATED(401, false, "Missing or wrong credentials"),
    FORBIDDEN(403, false, "The caller lacks the role for this action"),
    TOO_MANY_ATTEMPTS(429, true, "Too many failed logins for this user; wait and try again"),

    // lookups
    NOT_FOUND(404, false, "The resource does not exist"),
    ALREADY_PUBLISHED(409, false, "This version of the bundle is published already; publish a new version"),

    // routing and execution
    NO_HANDLER(404, true, "No connected bundle handles this message"),
    HANDLER_FAILED(422, false, "The handler threw an exception"),
    TIMEOUT_INDETERMINATE(504, true, "The deadline passed; the request may or may not have been executed"),
    OVERLOADED(503, true, "Too many requests in flight; retry later"),
    CANCELLED(499, true, "The request was cancelled"),
    DUPLICATE_MESSAGE(409, false, "A message with this id is already being processed"),
    /** Bundle to server only: the bundle does not hold the cached aggregate state the story assumed; the server sends the whole story. */
    CACHE_MISS(409, true, "The bundle does not hold the aggregate state the story builds on"),

    // event store
    CONCURRENCY_CONFLICT(409, true, "The aggregate changed since it was read"),
    AGGREGATE_NOT_FOUND(404, false, "The aggregate does not exist"),
    AGGREGATE_DELETED(410, false, "The aggregate was deleted"),
    AGGREGATE_ALREADY_EXISTS(409, false, "The aggregate already exists"),
    EVENT_ID_REUSED(409, false, "An event id was reused for a different event"),

    // infrastructure
    NOT_READY(503, true, "The server is not ready"),
    DATABASE_UNAVAILABLE(503, true, "The database is not reachable"),
    INTERNAL(500, false, "Internal server error");

    private final int httpStatus;
    private final boolean retryable;
    private final String title;

    ErrorCode(int httpStatus, boolean retryable, String title) {
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.title = title;
    }

    /** The HTTP status an HTTP API answers this error with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the same request sent again may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** A short, human-readable summary of the error kind. */
    public String title() {
        return title;
    }
}
