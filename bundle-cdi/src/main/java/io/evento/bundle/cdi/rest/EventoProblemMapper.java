package io.evento.bundle.cdi.rest;

import io.evento.protocol.EventoException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * A failure of a command or query sent from a JAX-RS resource, as {@code application/problem+json}:
 * {@code status} ({@link ErrorStatus}), {@code code} (the platform's error code) and {@code detail}
 * (the handler's or the platform's message, e.g. which rule of the domain said no). List it among
 * the classes of the application's {@code Application}, or let the server's scanning find it.
 */
@Provider
public class EventoProblemMapper implements ExceptionMapper<EventoException> {

    @Override
    public Response toResponse(EventoException failure) {
        return problem(ErrorStatus.of(failure.code()), failure.code().name(), String.valueOf(failure.getMessage()));
    }

    /** An {@code application/problem+json} answer with {@code status}, {@code code} and {@code detail} (null: empty). */
    public static Response problem(int status, String code, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("status", status, "code", code, "detail", detail == null ? "" : detail)).build();
    }
}
