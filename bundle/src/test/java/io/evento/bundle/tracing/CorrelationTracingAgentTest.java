package io.evento.bundle.tracing;

import io.evento.bundle.api.Metadata;
import io.evento.protocol.frame.ComponentKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationTracingAgentTest {

    private final CorrelationTracingAgent agent = new CorrelationTracingAgent();

    private static HandledMessage handling(String messageId, Map<String, String> metadata) {
        return new HandledMessage("b", "C", ComponentKind.SAGA, "Thing", messageId, null, new Metadata(metadata));
    }

    @Nested
    class ACommandSentFromOutsideAnyHandler {

        @Test
        void startsACorrelationWithItsOwnIdAndKeepsWhatTheSenderGave() {
            // when
            Metadata sent = agent.sending(Metadata.of("user", "ann"), null);

            // then
            assertThat(sent.get("messageId")).isNotBlank();
            assertThat(sent.get("correlationId")).isEqualTo(sent.get("messageId"));
            assertThat(sent.get("causationId")).isNull();
            assertThat(sent.get("user")).isEqualTo("ann");
        }

        @Test
        void keepsACorrelationTheSenderGave() {
            Metadata sent = agent.sending(Metadata.of("correlationId", "request-7"), null);

            assertThat(sent.get("correlationId")).isEqualTo("request-7");
        }

        @Test
        void getsANewIdEachTime() {
            assertThat(agent.sending(Metadata.EMPTY, null).get("messageId")).isNotEqualTo(agent.sending(Metadata.EMPTY, null).get("messageId"));
        }
    }

    @Nested
    class AMessageSentWhileHandlingAnother {

        @Test
        void isCausedByTheHandledMessageAndCarriesItsCorrelation() {
            // given an event handled in the correlation of request c1
            HandledMessage event = handling("event-1", Map.of("correlationId", "c1", "causationId", "m0"));

            // when the handler sends a command
            Metadata sent = agent.sending(Metadata.EMPTY, event);

            // then
            assertThat(sent.get("correlationId")).isEqualTo("c1");
            assertThat(sent.get("causationId")).isEqualTo("event-1");
            assertThat(sent.get("messageId")).isNotIn("c1", "event-1");
        }

        @Test
        void startsTheCorrelationAtTheHandledMessageWhenItHadNone() {
            Metadata sent = agent.sending(Metadata.EMPTY, handling("event-2", Map.of()));

            assertThat(sent.get("correlationId")).isEqualTo("event-2");
        }
    }

    @Nested
    class TheEventACommandHandlerReturns {

        @Test
        void carriesTheCommandsMetadataWithTheCommandAsItsCauseButNotItsId() {
            // given a command with its id, its correlation and a user's key
            HandledMessage command = handling("m1", Map.of("messageId", "m1", "correlationId", "c1", "user", "ann"));

            // when
            Metadata produced = agent.producing(command);

            // then
            assertThat(produced.values()).containsEntry("correlationId", "c1").containsEntry("causationId", "m1")
                    .containsEntry("user", "ann").doesNotContainKey("messageId");
        }
    }
}
