package io.evento.protocol.frame;

/**
 * A request (or invocation) failed, or a frame could not be read.
 *
 * @param id            frame id
 * @param correlationId the failed frame's id, or null when it could not be read
 * @param code          an {@link io.evento.protocol.ErrorCode} name
 * @param message       what exactly went wrong
 * @param retryable     whether the same request may succeed later
 * @param exceptionType for HANDLER_FAILED: the handler's exception class, or null
 */
public record Failure(String id, String correlationId, String code, String message, boolean retryable,
                      String exceptionType) implements Frame, Frame.Response {

    public Failure {
        Fields.text(id, "id");
        Fields.text(code, "code");
    }
}
