package io.evento.protocol.frame;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContextsTest {

    @Nested
    class Patterns {

        @Test
        void aStarMatchesEveryContext() {
            assertThat(EventContexts.matches("*", "eu")).isTrue();
            assertThat(EventContexts.matches("*", "default")).isTrue();
        }

        @Test
        void aTrailingStarMatchesThePrefixOnly() {
            assertThat(EventContexts.matches("eu*", "eu")).isTrue();
            assertThat(EventContexts.matches("eu*", "eu-it")).isTrue();
            assertThat(EventContexts.matches("eu*", "us")).isFalse();
            assertThat(EventContexts.matches("eu*", "e")).isFalse();
        }

        @Test
        void aNameMatchesItselfOnly() {
            assertThat(EventContexts.matches("eu", "eu")).isTrue();
            assertThat(EventContexts.matches("eu", "eu-it")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "**", "e*u", "*eu", "a:b*", "x'); DROP TABLE evento_event; --*:"})
        void whatIsNoPatternIsRefusedWithTheReason(String bad) {
            assertThat(EventContexts.patternProblem(bad)).isNotNull();
            assertThatThrownBy(() -> EventContexts.requirePattern(bad, "context")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("context ");
        }

        @Test
        void aTooLongOrControlCharacterPatternIsRefused() {
            assertThat(EventContexts.patternProblem("a".repeat(129))).contains("longer than 128");
            assertThat(EventContexts.patternProblem("a\u0001*")).contains("control character");
        }
    }

    @Nested
    class Names {

        @ParameterizedTest
        @ValueSource(strings = {"eu", "eu-it", "default", "x'); DROP TABLE evento_event; --", "région"})
        void textWithoutStarOrColonIsAName(String name) {
            assertThat(EventContexts.nameProblem(name)).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"*", "eu*", "a:b", "", "\t"})
        void aStarAColonOrNothingIsNoName(String bad) {
            assertThat(EventContexts.nameProblem(bad)).isNotNull();
        }
    }

    @Nested
    class InFrames {

        @Test
        void aFetchWithoutContextReadsEveryContext() {
            assertThat(new FetchEvents("f", "c", null, null, null, 10).context()).isEqualTo("*");
        }

        @Test
        void aFetchWithABadPatternAndAnEventWithABadNameAreNoFrames() {
            assertThatThrownBy(() -> new FetchEvents("f", "c", null, null, "e*u", 10)).hasMessageContaining("context 'e*u'");
            assertThatThrownBy(() -> new NewEventRecord("T", io.evento.protocol.json.RawJson.of("{}"), null, "eu*"))
                    .hasMessageContaining("event context 'eu*'");
            assertThatThrownBy(() -> new HandlerInfo("T", MessageKind.DOMAIN_EVENT, null, false, null, java.util.List.of("a:b"), null))
                    .hasMessageContaining("handler context");
        }
    }
}
