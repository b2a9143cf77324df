package io.evento.bundle.tracing;

import io.evento.bundle.api.Metadata;
import io.evento.protocol.frame.ComponentKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandlerExecutionsTest {

    private static final HandledMessage COMMAND = new HandledMessage("b", "ListAggregate", ComponentKind.AGGREGATE, "AddItem", "m1",
            "l1", Metadata.EMPTY);
    private static final HandledMessage EVENT = new HandledMessage("b", "ListProjector", ComponentKind.PROJECTOR, "ItemAdded", "e1",
            "l1", Metadata.EMPTY);

    /** Writes what it sees into a shared journal, under its name. */
    private record Journal(String name, List<String> lines) implements MessageHandlerInterceptor {
        @Override
        public void before(HandledMessage message) {
            lines.add(name + " before " + message.payloadType() + " current=" + HandlerExecutions.current().messageId());
        }

        @Override
        public void after(HandledMessage message, Object result) {
            lines.add(name + " after " + result);
        }

        @Override
        public void onException(HandledMessage message, Throwable failure) {
            lines.add(name + " failed " + failure.getMessage());
        }
    }

    /** An agent that notes where its tracking starts and ends. */
    private static final class TrackingAgent implements TracingAgent {
        final List<String> lines;

        TrackingAgent(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public <T> T track(HandledMessage message, Execution<T> execution) throws Exception {
            lines.add("span " + message.component());
            try {
                return execution.run();
            } finally {
                lines.add("span end");
            }
        }

        @Override
        public Metadata sending(Metadata outgoing, HandledMessage handling) {
            return outgoing;
        }

        @Override
        public Metadata producing(HandledMessage handled) {
            return handled.metadata();
        }
    }

    @Nested
    class AHandlerThatReturns {

        @Test
        void runsInsideTheAgentWithTheInterceptorsInTheirOrderAndItsMessageCurrent() throws Exception {
            // given
            List<String> lines = new CopyOnWriteArrayList<>();
            HandlerExecutions executions = new HandlerExecutions(new TrackingAgent(lines),
                    List.of(new Journal("first", lines), new Journal("second", lines)));

            // when
            String result = executions.run(COMMAND, () -> {
                lines.add("handler current=" + HandlerExecutions.current().messageId());
                return "ItemAdded";
            });

            // then
            assertThat(result).isEqualTo("ItemAdded");
            assertThat(lines).containsExactly("span ListAggregate", "first before AddItem current=m1", "second before AddItem current=m1",
                    "handler current=m1", "first after ItemAdded", "second after ItemAdded", "span end");
            assertThat(HandlerExecutions.current()).isNull();
        }

        @Test
        void nestedExecutionsRestoreTheOuterMessage() throws Exception {
            HandlerExecutions executions = HandlerExecutions.plain();

            String seen = executions.run(COMMAND, () -> {
                executions.run(EVENT, () -> HandlerExecutions.current().messageId());
                return HandlerExecutions.current().messageId();
            });

            assertThat(seen).isEqualTo("m1");
        }
    }

    @Nested
    class AHandlerThatThrows {

        @Test
        void reachesEveryInterceptorAndThenTheCallerUnchanged() {
            // given
            List<String> lines = new CopyOnWriteArrayList<>();
            HandlerExecutions executions = new HandlerExecutions(null, List.of(new Journal("log", lines)));
            IllegalStateException failure = new IllegalStateException("quota reached");

            // when / then
            assertThatThrownBy(() -> executions.run(COMMAND, () -> {
                throw failure;
            })).isSameAs(failure);
            assertThat(lines).containsExactly("log before AddItem current=m1", "log failed quota reached");
            assertThat(HandlerExecutions.current()).isNull();
        }
    }

    @Nested
    class AnInterceptorForSomeKinds {

        @Test
        void seesOnlyThoseKinds() throws Exception {
            List<String> lines = new CopyOnWriteArrayList<>();
            HandlerExecutions executions = new HandlerExecutions(null,
                    List.of(MessageHandlerInterceptor.forKinds(Set.of(ComponentKind.PROJECTOR), new Journal("projectors", lines))));

            executions.run(COMMAND, () -> "ignored");
            executions.run(EVENT, () -> null);

            assertThat(lines).containsExactly("projectors before ItemAdded current=e1", "projectors after null");
        }
    }
}
