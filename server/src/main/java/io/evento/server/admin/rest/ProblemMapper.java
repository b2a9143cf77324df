package io.evento.server.admin.rest;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The one exception mapper of the API: every failure becomes {@code application/problem+json}. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        Problem problem = problemOf(exception);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Problem problemOf(Throwable exception) {
        if (exception instanceof EventoException evento) {
            return Problem.of(evento.code(), evento.getMessage());
        }
        if (exception instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            ErrorCode code = switch (status) {
                case 400, 405, 406, 415 -> ErrorCode.INVALID_REQUEST;
                case 401 -> ErrorCode.UNAUTHENTICATED;
                case 403 -> ErrorCode.FORBIDDEN;
                case 404 -> ErrorCode.NOT_FOUND;
                case 503 -> ErrorCode.NOT_READY;
                default -> status < 500 ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL;
            };
            return new Problem("urn:evento:error:" + code.name(), code.title(), status, web.getMessage(), code.name());
        }
        if (exception instanceof ProcessingException || exception instanceof JsonbException) {
            // a request body that is not the JSON the resource takes (JSON-B could not read it)
            return Problem.of(ErrorCode.INVALID_REQUEST, "the request body is not the JSON this resource takes: " + rootMessage(exception));
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected failure answering an API request", exception);
        return Problem.of(ErrorCode.INTERNAL, "unexpected " + exception.getClass().getSimpleName() + "; see the server log");
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return PageRequest.abbreviate(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage(), 300);
    }
}
