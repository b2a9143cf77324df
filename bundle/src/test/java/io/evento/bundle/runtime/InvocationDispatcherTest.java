package io.evento.bundle.runtime;

import io.evento.bundle.model.ComponentInstances;
import io.evento.bundle.model.ComponentModel;
import io.evento.bundle.sample.AccountAggregate;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.EventRecord;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.StoryRecord;
import io.evento.protocol.json.RawJson;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Domain commands handled from a whole story and from the aggregate cache (incremental stories). */
class InvocationDispatcherTest {

    private static final String OPEN = "OpenAccount";
    private static final String DEPOSIT = "Deposit";

    private final ComponentModel model = ComponentModel.of(List.of(AccountAggregate.class));
    private final AggregateCache cache = new AggregateCache(10);
    private final InvocationDispatcher dispatcher = new InvocationDispatcher(model, new ComponentInstances(type -> null, type -> null,
            type -> null), null, component -> null, Executors.newSingleThreadExecutor(), cache);

    private static String type(String name) {
        return name;
    }

    private static InvokeDomainCommand invoke(String payloadType, String payload, String aggregateId, StoryRecord story) {
        return new InvokeDomainCommand(UUID.randomUUID().toString(), "AccountAggregate", payloadType, RawJson.of(payload), RawJson.EMPTY_OBJECT,
                aggregateId, story, Long.MAX_VALUE);
    }

    private static EventRecord event(String aggregateId, long sequence, String type, String payload) {
        return new EventRecord("0." + sequence, UUID.randomUUID().toString(), aggregateId, sequence, type, "default", RawJson.of(payload),
                RawJson.EMPTY_OBJECT, 0);
    }

    @Nested
    class WithAWholeStory {

        @Test
        void rebuildsTheStateAndKeepsTheNewOneInTheCache() {
            // given
            String opened = type("AccountOpened");
            StoryRecord story = new StoryRecord(0, null, List.of(event("a1", 1, opened, "{\"accountId\":\"a1\",\"owner\":\"ann\"}")), 1, false);

            // when
            Frame answer = dispatcher.answer(invoke(type(DEPOSIT), "{\"accountId\":\"a1\",\"amount\":5}", "a1", story));

            // then
            assertThat(answer).isInstanceOf(DomainCommandHandled.class);
            assertThat(((DomainCommandHandled) answer).event().payload().json()).contains("\"balance\":5");
            assertThat(cache.at("a1", 2)).isNotNull();
            assertThat(((AccountAggregate.State) cache.at("a1", 2).state()).balance()).isEqualTo(5);
        }
    }

    @Nested
    class WithAnIncrementalStory {

        @Test
        void continuesFromTheCachedState() {
            // given: the account opened and one deposit handled here
            dispatcher.answer(invoke(type(OPEN), "{\"accountId\":\"a2\",\"owner\":\"bob\"}", "a2", new StoryRecord(0, null, List.of(), 0, false)));
            dispatcher.answer(invoke(type(DEPOSIT), "{\"accountId\":\"a2\",\"amount\":7}", "a2", StoryRecord.after(1, List.of(), 1)));

            // when
            Frame answer = dispatcher.answer(invoke(type(DEPOSIT), "{\"accountId\":\"a2\",\"amount\":3}", "a2", StoryRecord.after(2, List.of(), 2)));

            // then
            assertThat(((DomainCommandHandled) answer).event().payload().json()).contains("\"balance\":10");
        }

        @Test
        void answersCacheMissWhenItHoldsAnotherSequence() {
            // given: the cache holds the state after sequence 1 only
            dispatcher.answer(invoke(type(OPEN), "{\"accountId\":\"a3\",\"owner\":\"cy\"}", "a3", new StoryRecord(0, null, List.of(), 0, false)));

            // when: the server believes the bundle holds sequence 2
            Frame answer = dispatcher.answer(invoke(type(DEPOSIT), "{\"accountId\":\"a3\",\"amount\":3}", "a3", StoryRecord.after(2, List.of(), 2)));

            // then
            assertThat(answer).isInstanceOf(Failure.class);
            assertThat(((Failure) answer).code()).isEqualTo(ErrorCode.CACHE_MISS.name());
            assertThat(((Failure) answer).retryable()).isTrue();
            assertThat(cache.at("a3", 1)).isNotNull();
        }

        @Test
        void ofAnUnknownAggregateIsACacheMiss() {
            // when
            Frame answer = dispatcher.answer(invoke(type(DEPOSIT), "{\"accountId\":\"a4\",\"amount\":3}", "a4", StoryRecord.after(4, List.of(), 4)));

            // then
            assertThat(((Failure) answer).code()).isEqualTo(ErrorCode.CACHE_MISS.name());
        }
    }

    @Nested
    class AHandlerThatFails {

        @Test
        void leavesTheCachedStateAsItWas() {
            // given
            dispatcher.answer(invoke(type(OPEN), "{\"accountId\":\"a5\",\"owner\":\"di\"}", "a5", new StoryRecord(0, null, List.of(), 0, false)));

            // when: a withdrawal beyond the balance
            Frame answer = dispatcher.answer(invoke(type("Withdraw"), "{\"accountId\":\"a5\",\"amount\":9}",
                    "a5", StoryRecord.after(1, List.of(), 1)));

            // then
            assertThat(((Failure) answer).code()).isEqualTo(ErrorCode.HANDLER_FAILED.name());
            assertThat(cache.at("a5", 1)).isNotNull();
            assertThat(cache.at("a5", 2)).isNull();
        }
    }

    @Nested
    class TheEventOfACommand {

        @Test
        void isCausedByTheCommandInItsCorrelationAndPassesTheInterceptors() {
            // given a dispatcher with an interceptor, and a command that carries its id and correlation
            java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            InvocationDispatcher traced = new InvocationDispatcher(model, new ComponentInstances(type -> null, type -> null, type -> null),
                    null, component -> null, Executors.newSingleThreadExecutor(), new AggregateCache(10), "bank",
                    new io.evento.bundle.tracing.HandlerExecutions(null, List.of(new io.evento.bundle.tracing.MessageHandlerInterceptor() {
                        @Override
                        public void before(io.evento.bundle.tracing.HandledMessage message) {
                            seen.add(message.bundleId() + " " + message.kind() + " " + message.component() + " " + message.payloadType()
                                    + " " + message.messageId() + " " + message.aggregateId());
                        }
                    })));
            InvokeDomainCommand open = new InvokeDomainCommand("invocation-1", "AccountAggregate", OPEN,
                    RawJson.of("{\"accountId\":\"a9\",\"owner\":\"eve\"}"),
                    RawJson.of("{\"messageId\":\"m1\",\"correlationId\":\"c1\",\"user\":\"eve\"}"), "a9",
                    new StoryRecord(0, null, List.of(), 0, false), Long.MAX_VALUE);

            // when
            Frame answer = traced.answer(open);

            // then
            String metadata = ((DomainCommandHandled) answer).event().metadata().json();
            assertThat(metadata).contains("\"causationId\":\"m1\"").contains("\"correlationId\":\"c1\"").contains("\"user\":\"eve\"")
                    .doesNotContain("messageId");
            assertThat(seen).containsExactly("bank AGGREGATE AccountAggregate OpenAccount m1 a9");
        }
    }
}
