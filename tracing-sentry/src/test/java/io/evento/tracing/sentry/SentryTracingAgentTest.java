package io.evento.tracing.sentry;

import com.fasterxml.jackson.databind.JsonNode;
import io.evento.bundle.api.Metadata;
import io.evento.bundle.tracing.HandledMessage;
import io.evento.bundle.tracing.HandlerExecutions;
import io.evento.protocol.frame.ComponentKind;
import io.sentry.Sentry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent against a local HTTP receiver standing in for Sentry (the DSN points at loopback). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentryTracingAgentTest {

    private SentryReceiver sentry;

    @BeforeAll
    void start() throws Exception {
        sentry = new SentryReceiver();
        Sentry.init(options -> {
            options.setDsn(sentry.dsn());
            options.setTracesSampleRate(1.0);
            options.setEnableAutoSessionTracking(false);
            options.setSendClientReports(false);
            options.setEnableUncaughtExceptionHandler(false);
            options.setFlushTimeoutMillis(5000);
        });
    }

    @AfterAll
    void stop() {
        Sentry.close();
        sentry.close();
    }

    private static HandledMessage message(String component, ComponentKind kind, String type, Metadata metadata) {
        return new HandledMessage("todo", component, kind, type, type + "-id", "l1", metadata);
    }

    @Test
    void aTrackedCallStartsATraceThatTheHandlerOfItsCommandContinuesAndAFailureIsCapturedWithItsTags() throws Exception {
        // given a bundle with the agent
        HandlerExecutions todo = new HandlerExecutions(new SentryTracingAgent(3), List.of());

        // when a @Track invoker method sends a command, and the aggregate handles it
        Metadata command = todo.run(message("TodoInvoker", ComponentKind.INVOKER, "createList", Metadata.EMPTY),
                () -> todo.agent().sending(Metadata.EMPTY, HandlerExecutions.current()));
        todo.run(message("TodoListAggregate", ComponentKind.AGGREGATE, "CreateTodoList", command), () -> "created");
        // and a projector without a trace fails, and another without one succeeds
        assertThatThrownBy(() -> todo.run(message("TodoListProjector", ComponentKind.PROJECTOR, "TodoItemAdded", Metadata.EMPTY), () -> {
            throw new IllegalStateException("the read model is gone");
        })).hasMessage("the read model is gone");
        todo.run(message("AuditObserver", ComponentKind.OBSERVER, "TodoItemChecked", Metadata.EMPTY), () -> null);
        Sentry.flush(5000);

        // then the command carried the trace, and Sentry got two transactions of one trace and the exception
        assertThat(command.get("sentry-trace")).isNotBlank();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> sentry.of("transaction").size() == 2
                && sentry.of("event").size() == 1);
        JsonNode invoker = transaction("TodoInvoker createList");
        JsonNode aggregate = transaction("TodoListAggregate CreateTodoList");
        assertThat(aggregate.at("/contexts/trace/trace_id").asText()).isEqualTo(invoker.at("/contexts/trace/trace_id").asText());
        assertThat(aggregate.at("/contexts/trace/parent_span_id").asText()).isEqualTo(invoker.at("/contexts/trace/span_id").asText());
        assertThat(aggregate.at("/contexts/trace/op").asText()).isEqualTo("evento.aggregate");
        assertThat(aggregate.at("/tags/evento.bundle").asText()).isEqualTo("todo");
        assertThat(aggregate.at("/tags/evento.bundle.version").asText()).isEqualTo("3");
        assertThat(aggregate.at("/tags/evento.component").asText()).isEqualTo("TodoListAggregate");
        assertThat(aggregate.at("/tags/evento.payload").asText()).isEqualTo("CreateTodoList");
        assertThat(aggregate.at("/tags/evento.aggregate.id").asText()).isEqualTo("l1");
        JsonNode failure = sentry.of("event").get(0);
        assertThat(failure.at("/exception/values/0/value").asText()).isEqualTo("the read model is gone");
        assertThat(failure.at("/tags/evento.component").asText()).isEqualTo("TodoListProjector");
    }

    private JsonNode transaction(String name) {
        return sentry.of("transaction").stream().filter(t -> t.path("transaction").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no transaction " + name + " in " + sentry.items));
    }
}
