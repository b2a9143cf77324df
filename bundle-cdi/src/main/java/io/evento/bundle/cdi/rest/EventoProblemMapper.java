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
        int status = ErrorStatus.of(failure.code());
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("status", status, "code", failure.code().name(), "detail", String.valueOf(failure.getMessage())))
                .build();
    }
}
