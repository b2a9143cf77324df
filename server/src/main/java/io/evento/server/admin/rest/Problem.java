package io.evento.server.admin.rest;

import io.evento.protocol.ErrorCode;

/**
 * An RFC 9457 problem detail, the body of every error the HTTP API answers.
 *
 * @param type   {@code urn:evento:error:<CODE>}
 * @param title  the error kind
 * @param status the HTTP status
 * @param detail what exactly was wrong
 * @param code   the {@link ErrorCode} name
 */
public record Problem(String type, String title, int status, String detail, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ErrorCode code, String detail) {
        return new Problem("urn:evento:error:" + code.name(), code.title(), code.httpStatus(), detail, code.name());
    }
}
