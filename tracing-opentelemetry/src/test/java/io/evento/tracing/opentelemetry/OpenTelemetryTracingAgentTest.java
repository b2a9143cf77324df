package io.evento.tracing.opentelemetry;

import io.evento.bundle.api.Metadata;
import io.evento.bundle.tracing.HandledMessage;
import io.evento.bundle.tracing.HandlerExecutions;
import io.evento.protocol.frame.ComponentKind;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One request through the handler kinds, each "bundle" with its own agent on one SDK: the metadata a
 * handler sends is the only link between them, as on the wire.
 */
class OpenTelemetryTracingAgentTest {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();

    @AfterEach
    void close() {
        sdk.close();
    }

    private HandlerExecutions bundle() {
        return new HandlerExecutions(new OpenTelemetryTracingAgent(sdk), List.of());
    }

    private static HandledMessage message(String bundle, String component, ComponentKind kind, String type, String id, Metadata metadata) {
        return new HandledMessage(bundle, component, kind, type, id, "l1", metadata);
    }

    private SpanData span(String name) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @Nested
    class ARequestFromAnInvokerThroughAnAggregateAProjectorAndASaga {

        @Test
        void isOneTraceWithEachHandlerTheChildOfTheOneThatSentItsMessage() throws Exception {
            // given a todo bundle and a users bundle, each with its agent
            HandlerExecutions todo = bundle();
            HandlerExecutions users = bundle();

            // when the invoker's @Track method sends a command
            Metadata command = todo.run(message("todo", "TodoInvoker", ComponentKind.INVOKER, "createList", "t1", Metadata.EMPTY),
                    () -> todo.agent().sending(Metadata.EMPTY, HandlerExecutions.current()));
            // the aggregate handles it and its event carries the trace on
            HandledMessage create = message("todo", "TodoListAggregate", ComponentKind.AGGREGATE, "CreateTodoList",
                    command.get("messageId"), command);
            Metadata event = todo.run(create, () -> todo.agent().producing(create));
            // the projector and, in the other bundle, the saga handle the event; the saga sends a command
            todo.run(message("todo", "TodoListProjector", ComponentKind.PROJECTOR, "TodoListCreated", "e1", event), () -> null);
            HandledMessage saga = message("users", "ListQuotaSaga", ComponentKind.SAGA, "TodoListCreated", "e1", event);
            Metadata reserve = users.run(saga, () -> users.agent().sending(Metadata.EMPTY, saga));
            users.run(message("users", "UserAggregate", ComponentKind.AGGREGATE, "ReserveListSlot", reserve.get("messageId"), reserve),
                    () -> null);

            // then
            SpanData invoker = span("TodoInvoker createList");
            SpanData aggregate = span("TodoListAggregate CreateTodoList");
            SpanData projector = span("TodoListProjector TodoListCreated");
            SpanData quota = span("ListQuotaSaga TodoListCreated");
            SpanData users2 = span("UserAggregate ReserveListSlot");
            assertThat(spans.getFinishedSpanItems()).extracting(SpanData::getTraceId).containsOnly(invoker.getTraceId());
            assertThat(invoker.getParentSpanContext().isValid()).isFalse();
            assertThat(aggregate.getParentSpanId()).isEqualTo(invoker.getSpanId());
            assertThat(projector.getParentSpanId()).isEqualTo(aggregate.getSpanId());
            assertThat(quota.getParentSpanId()).isEqualTo(aggregate.getSpanId());
            assertThat(users2.getParentSpanId()).isEqualTo(quota.getSpanId());
            assertThat(aggregate.getKind()).isEqualTo(SpanKind.SERVER);
            assertThat(projector.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(invoker.getKind()).isEqualTo(SpanKind.INTERNAL);
            assertThat(quota.getAttributes().get(OpenTelemetryTracingAgent.BUNDLE)).isEqualTo("users");
            assertThat(aggregate.getAttributes().get(OpenTelemetryTracingAgent.AGGREGATE_ID)).isEqualTo("l1");
            assertThat(aggregate.getAttributes().get(OpenTelemetryTracingAgent.CORRELATION_ID)).isEqualTo(command.get("correlationId"));
            assertThat(command.get("traceparent")).contains(invoker.getTraceId()).contains(invoker.getSpanId());
            assertThat(event.get("causationId")).isEqualTo(command.get("messageId"));
        }
    }

    @Nested
    class AHandlerThatThrows {

        @Test
        void endsItsSpanWithTheExceptionRecordedAndTheStatusError() {
            HandlerExecutions todo = bundle();

            assertThatThrownBy(() -> todo.run(message("todo", "TodoListAggregate", ComponentKind.AGGREGATE, "AddTodoItem", "m1",
                    Metadata.EMPTY), () -> {
                throw new IllegalStateException("a list holds at most 1000 items");
            })).hasMessage("a list holds at most 1000 items");

            SpanData failed = span("TodoListAggregate AddTodoItem");
            assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(failed.getEvents()).anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
        }
    }

    @Nested
    class AMessageFromOutsideAnyTrace {

        @Test
        void startsANewTrace() throws Exception {
            HandlerExecutions todo = bundle();

            todo.run(message("todo", "TodoListAggregate", ComponentKind.AGGREGATE, "CreateTodoList", "m1", Metadata.of("user", "ann")),
                    () -> null);

            assertThat(span("TodoListAggregate CreateTodoList").getParentSpanContext().isValid()).isFalse();
        }
    }
}
