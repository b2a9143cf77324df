package io.evento.tracing.opentelemetry;

import io.evento.bundle.api.Metadata;
import io.evento.bundle.tracing.CorrelationTracingAgent;
import io.evento.bundle.tracing.HandledMessage;
import io.evento.bundle.tracing.TracingAgent;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.evento.protocol.frame.ComponentKind;

import java.util.Map;

/**
 * A {@link TracingAgent} on OpenTelemetry: every handler execution is a span named after its
 * component and message type ({@code TodoListAggregate AddTodoItem}), the child of the span whose
 * W3C trace context ({@code traceparent}, {@code tracestate}) the handled message carries in its
 * metadata; what the handler sends (commands, queries, its event) carries the handler's span on.
 * So one trace spans an invoker, the aggregate, the projector, a saga and the next aggregate,
 * across bundles and server instances. Exceptions are recorded on the span. The correlation and
 * causation ids of {@link CorrelationTracingAgent} are kept too.
 * <p>
 * Exporting is the {@code OpenTelemetry} instance's business: {@link #fromGlobal()} uses the one
 * the OpenTelemetry Java agent or the SDK's autoconfiguration installed (OTLP by default there).
 */
public final class OpenTelemetryTracingAgent implements TracingAgent {

    static final AttributeKey<String> BUNDLE = AttributeKey.stringKey("evento.bundle");
    static final AttributeKey<String> COMPONENT = AttributeKey.stringKey("evento.component");
    static final AttributeKey<String> KIND = AttributeKey.stringKey("evento.component.kind");
    static final AttributeKey<String> MESSAGE_TYPE = AttributeKey.stringKey("evento.message.type");
    static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("evento.message.id");
    static final AttributeKey<String> AGGREGATE_ID = AttributeKey.stringKey("evento.aggregate.id");
    static final AttributeKey<String> CORRELATION_ID = AttributeKey.stringKey("evento.correlation.id");

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final CorrelationTracingAgent correlation = new CorrelationTracingAgent();

    public OpenTelemetryTracingAgent(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.evento.bundle");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The agent on the globally installed OpenTelemetry (Java agent or SDK autoconfiguration). */
    public static OpenTelemetryTracingAgent fromGlobal() {
        return new OpenTelemetryTracingAgent(GlobalOpenTelemetry.get());
    }

    @Override
    public <T> T track(HandledMessage message, Execution<T> execution) throws Exception {
        Context parent = propagator.extract(Context.current(), message.metadata(), MetadataCarrier.GETTER);
        Span span = tracer.spanBuilder(message.component() + " " + message.payloadType()).setParent(parent)
                .setSpanKind(kindOf(message.kind()))
                .setAttribute(BUNDLE, String.valueOf(message.bundleId()))
                .setAttribute(COMPONENT, message.component())
                .setAttribute(KIND, message.kind().name())
                .setAttribute(MESSAGE_TYPE, message.payloadType())
                .setAttribute(MESSAGE_ID, String.valueOf(message.messageId()))
                .startSpan();
        if (message.aggregateId() != null) {
            span.setAttribute(AGGREGATE_ID, message.aggregateId());
        }
        String correlationId = message.metadata().get(CorrelationTracingAgent.CORRELATION_ID);
        if (correlationId != null) {
            span.setAttribute(CORRELATION_ID, correlationId);
        }
        try (Scope ignored = span.makeCurrent()) {
            return execution.run();
        } catch (Exception | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }

    @Override
    public Metadata sending(Metadata outgoing, HandledMessage handling) {
        return withTraceContext(correlation.sending(outgoing, handling));
    }

    @Override
    public Metadata producing(HandledMessage handled) {
        return withTraceContext(correlation.producing(handled));
    }

    /** The metadata with the current span's trace context (the handler's span while it runs). */
    private Metadata withTraceContext(Metadata metadata) {
        Map<String, String> values = MetadataCarrier.copy(metadata);
        propagator.inject(Context.current(), values, MetadataCarrier.SETTER);
        return new Metadata(values);
    }

    private static SpanKind kindOf(ComponentKind kind) {
        return switch (kind) {
            case PROJECTOR, SAGA, OBSERVER -> SpanKind.CONSUMER;
            case AGGREGATE, SERVICE, PROJECTION -> SpanKind.SERVER;
            case INVOKER -> SpanKind.INTERNAL;
        };
    }
}
