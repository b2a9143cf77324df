package io.evento.examples.todo.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.evento.bundle.cdi.rest.EventoProblemMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The REST API's own failures as {@code application/problem+json} with {@code status},
 * {@code code} and a {@code detail} a person can act on: bad input (400), no such resource (404),
 * a bug (500). The platform's failures (422 a rule of the domain, 404 unknown, 409 exists, 410
 * deleted, 503/504) are mapped by the library's {@code EventoProblemMapper}.
 */
public final class Problems {

    private static final System.Logger LOG = System.getLogger(Problems.class.getName());

    private Problems() {
    }

    /** What a failure answers. */
    record Problem(int status, String code, String detail) {
        Response response() {
            return EventoProblemMapper.problem(status, code, detail);
        }
    }

    static Response problem(int status, String code, String detail) {
        return new Problem(status, code, detail).response();
    }

    /** A body that is not JSON (with where), or a field that does not have its type (by name). */
    static Problem unreadable(JacksonException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            JsonLocation at = e.getLocation();
            return new Problem(400, "INVALID_JSON", "the body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        List<JsonMappingException.Reference> path = mapping.getPath();
        if (path.isEmpty() || path.get(path.size() - 1).getFieldName() == null) {
            return new Problem(400, "INVALID_REQUEST", "the body must be a JSON object with the fields of the request");
        }
        String field = path.get(path.size() - 1).getFieldName();
        if (e instanceof UnrecognizedPropertyException) {
            return new Problem(400, "INVALID_REQUEST", "\"" + field + "\" is not a field of this request");
        }
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return new Problem(400, "INVALID_REQUEST", "\"" + field + "\" must be " + kind(type));
    }

    private static String kind(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return type == String.class ? "a string" : "of type " + (type == null ? "?" : type.getSimpleName());
    }

    /** Bean Validation of a body or a parameter: each field with what is wrong with it. */
    @Provider
    public static class InvalidInput implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            String detail = e.getConstraintViolations().stream()
                    .map(v -> "\"" + field(v) + "\" " + v.getMessage()).sorted().collect(Collectors.joining("; "));
            return problem(400, "INVALID_REQUEST", detail);
        }

        private static String field(ConstraintViolation<?> violation) {
            List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
            return nodes.isEmpty() ? "body" : nodes.get(nodes.size() - 1).getName();
        }
    }

    /** A body that is not JSON, or JSON whose fields do not have their types. */
    @Provider
    public static class UnreadableJson implements ExceptionMapper<JacksonException> {
        @Override
        public Response toResponse(JacksonException e) {
            return unreadable(e).response();
        }
    }

    /** What JAX-RS answers itself: no such resource, a method it does not take, a wrongly typed query parameter. */
    @Provider
    public static class HttpFailure implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;
        @Context
        Request request;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 && e.getCause() != null) {
                return problem(400, "INVALID_REQUEST", "a query parameter does not have its type: " + e.getCause().getMessage());
            }
            String where = request.getMethod() + " /" + uri.getPath();
            return switch (status) {
                case 404 -> problem(404, "NOT_FOUND", "no resource at " + where);
                case 405 -> problem(405, "METHOD_NOT_ALLOWED", "the resource takes no " + where);
                case 415 -> problem(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as application/json");
                default -> problem(status, "HTTP_" + status, e.getMessage());
            };
        }
    }

    /** A bug: logged with its stack, answered without it. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "request failed", e);
            return problem(500, "INTERNAL", "the request failed; the todo bundle's log has the details");
        }
    }
}
