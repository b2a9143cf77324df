package io.evento.examples.todo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API (JDK HTTP server), JSON in and out:
 * <pre>
 * POST   /lists                              {"name","owner"}       201 {"listId"}
 * GET    /lists?name=&amp;page=&amp;size=               200 [summary]
 * GET    /lists/{listId}                                            200 view | 404
 * POST   /lists/{listId}/items               {"text"}               201 {"itemId"}
 * POST   /lists/{listId}/items/{itemId}/check                       204
 * DELETE /lists/{listId}/items/{itemId}                             204
 * DELETE /lists/{listId}                                            204
 * GET    /lists/{listId}/audit                                      200 [entry]
 * POST   /users                              {"userId","name","maxLists"} 201
 * </pre>
 * Failures are {@code application/problem+json}: 400 bad input, 404 unknown, 409 exists, 410
 * deleted, 422 a rule of the domain, 503/504 platform trouble.
 */
public final class TodoHttpApi implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TodoHttpApi.class.getName());
    private static final int MAX_BODY = 64 * 1024;
    private static final Pattern LIST = Pattern.compile("^/lists/([^/]+)$");
    private static final Pattern ITEMS = Pattern.compile("^/lists/([^/]+)/items$");
    private static final Pattern ITEM = Pattern.compile("^/lists/([^/]+)/items/([^/]+)$");
    private static final Pattern CHECK = Pattern.compile("^/lists/([^/]+)/items/([^/]+)/check$");
    private static final Pattern AUDIT = Pattern.compile("^/lists/([^/]+)/audit$");

    private final ObjectMapper json = new ObjectMapper();
    private final TodoInvoker invoker;
    private final HttpServer server;

    public TodoHttpApi(TodoInvoker invoker, String host, int port) throws IOException {
        this.invoker = invoker;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (BadRequest e) {
            problem(exchange, 400, e.code, e.getMessage());
        } catch (EventoException e) {
            problem(exchange, status(e.code()), e.code().name(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "request failed", e);
            problem(exchange, 500, "INTERNAL", String.valueOf(e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Matcher m;
        if ("POST".equals(method) && "/lists".equals(path)) {
            JsonNode body = body(exchange);
            String id = invoker.createList(text(body, "name"), text(body, "owner"));
            exchange.getResponseHeaders().add("Location", "/lists/" + id);
            send(exchange, 201, Map.of("listId", id));
        } else if ("GET".equals(method) && "/lists".equals(path)) {
            Map<String, String> query = query(exchange);
            int page = number(query, "page", 0);
            int size = number(query, "size", 20);
            if (page < 0 || size < 1 || size > 100) {
                throw new BadRequest("page must be 0 or more and size between 1 and 100");
            }
            send(exchange, 200, invoker.search(query.getOrDefault("name", ""), page, size));
        } else if ("POST".equals(method) && "/users".equals(path)) {
            JsonNode body = body(exchange);
            invoker.registerUser(id(body, "userId"), text(body, "name"), wholeNumber(body, "maxLists", 0));
            send(exchange, 201, Map.of("userId", text(body, "userId")));
        } else if ("GET".equals(method) && (m = LIST.matcher(path)).matches()) {
            send(exchange, 200, invoker.list(m.group(1)));
        } else if ("DELETE".equals(method) && (m = LIST.matcher(path)).matches()) {
            invoker.deleteList(m.group(1));
            send(exchange, 204, null);
        } else if ("POST".equals(method) && (m = ITEMS.matcher(path)).matches()) {
            String id = invoker.addItem(m.group(1), text(body(exchange), "text"));
            send(exchange, 201, Map.of("itemId", id));
        } else if ("POST".equals(method) && (m = CHECK.matcher(path)).matches()) {
            invoker.checkItem(m.group(1), m.group(2));
            send(exchange, 204, null);
        } else if ("DELETE".equals(method) && (m = ITEM.matcher(path)).matches()) {
            invoker.removeItem(m.group(1), m.group(2));
            send(exchange, 204, null);
        } else if ("GET".equals(method) && (m = AUDIT.matcher(path)).matches()) {
            send(exchange, 200, invoker.audit(m.group(1)));
        } else {
            problem(exchange, 404, "NOT_FOUND", "no route " + method + " " + path);
        }
    }

    static int status(ErrorCode code) {
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

    private JsonNode body(HttpExchange exchange) throws IOException {
        try {
            byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BadRequest("the body exceeds " + MAX_BODY + " bytes");
            }
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new BadRequest("INVALID_JSON", "the body is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    /** A required, non-blank identifier. */
    private static String id(JsonNode body, String field) {
        String value = text(body, field);
        if (value.isBlank()) {
            throw new BadRequest("\"" + field + "\" must not be blank");
        }
        return value;
    }

    /** An optional whole number (not a string, not a fraction). */
    private static int wholeNumber(JsonNode body, String field, int fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new BadRequest("\"" + field + "\" must be a whole number, got " + value);
        }
        return value.intValue();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadRequest("\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static int number(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a number");
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(body instanceof List<?> list ? list : body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void problem(HttpExchange exchange, int status, String code, String detail) throws IOException {
        byte[] bytes = json.writeValueAsBytes(Map.of("status", status, "code", code, "detail", detail == null ? "" : detail));
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final class BadRequest extends RuntimeException {
        final String code;

        BadRequest(String message) {
            this("INVALID_REQUEST", message);
        }

        BadRequest(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
