package io.evento.tracing.sentry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/** Stands in for Sentry on loopback: takes envelopes at {@code /api/<project>/envelope/} and keeps their items. */
final class SentryReceiver implements AutoCloseable {

    /** One envelope item: its type ({@code transaction}, {@code event}, ...) and its payload. */
    record Item(String type, JsonNode payload) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    final List<Item> items = new CopyOnWriteArrayList<>();

    SentryReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
                }
                read(new String(bytes, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    private void read(String envelope) throws IOException {
        String[] lines = envelope.split("\n");
        for (int i = 1; i + 1 < lines.length; i += 2) {
            JsonNode header = JSON.readTree(lines[i]);
            items.add(new Item(header.path("type").asText(), JSON.readTree(lines[i + 1])));
        }
    }

    String dsn() {
        return "http://public@127.0.0.1:" + server.getAddress().getPort() + "/1";
    }

    List<JsonNode> of(String type) {
        return items.stream().filter(item -> item.type().equals(type)).map(Item::payload).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
