package io.evento.examples.todo;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver on loopback standing in for a collector: it takes {@code POST /v1/traces}
 * (protobuf, optionally gzip), keeps every span with the service that sent it, and answers as a
 * collector does. Nothing leaves the machine.
 */
final class OtlpReceiver implements AutoCloseable {

    /**
     * A received span.
     *
     * @param service    the sender's {@code service.name}
     * @param traceId    hex trace id
     * @param spanId     hex span id
     * @param parentId   hex parent span id, empty for a root
     * @param name       the span name
     * @param attributes its string attributes
     * @param error      whether its status is ERROR
     */
    record ReceivedSpan(String service, String traceId, String spanId, String parentId, String name, Map<String, String> attributes,
                        boolean error) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                receive(ExportTraceServiceRequest.parseFrom(body));
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                exchange.getResponseBody().write(answer);
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The base URL an OTLP/HTTP exporter is pointed at ({@code otel.exporter.otlp.endpoint}). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void receive(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = strings(resource.getResource().getAttributesList()).getOrDefault("service.name", "");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(service, hex.formatHex(span.getTraceId().toByteArray()),
                        hex.formatHex(span.getSpanId().toByteArray()), hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(),
                        strings(span.getAttributesList()),
                        span.getStatus().getCode() == io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR)));
            }
        }
    }

    private static Map<String, String> strings(List<KeyValue> attributes) {
        return attributes.stream().filter(a -> a.getValue().hasStringValue())
                .collect(Collectors.toMap(KeyValue::getKey, a -> a.getValue().getStringValue(), (a, b) -> a));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
