package io.evento.server.store;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour every {@link EventStore} implementation must show. Subclasses provide a fresh,
 * empty store per test.
 */
public abstract class EventStoreContract {

    protected EventStore store;

    /** A new, empty store. */
    protected abstract EventStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static NewEvent event(String type, String payload) {
        return NewEvent.of(id(), type, payload);
    }

    static List<NewEvent> events(int count, String type) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(type, "{\"n\":" + i + "}"));
        }
        return events;
    }

    /** Every event readable now (APES readers lag by the fetch delay, so wait for the expected count). */
    List<StoredEvent> readAll(EventFilter filter, int expected) {
        List<StoredEvent> all = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            all.clear();
            StreamPosition cursor = StreamPosition.START;
            while (true) {
                EventBatch batch = store.readAfter(cursor, filter, 3);
                all.addAll(batch.events());
                if (batch.next().equals(cursor)) {
                    break;
                }
                cursor = batch.next();
            }
            return all.size() >= expected;
        });
        return all;
    }

    @Nested
    class AppendingToAnAggregate {

        @Test
        void aNewAggregateGetsSequencesFromOne() {
            // given
            String aggregate = id();

            // when
            AppendResult result = store.append(AppendRequest.toAggregate(aggregate, 0, events(3, "ItemAdded")));

            // then
            assertThat(result.duplicate()).isFalse();
            assertThat(result.events()).extracting(AppendResult.Appended::aggregateSequence).containsExactly(1L, 2L, 3L);
            assertThat(result.events()).extracting(AppendResult.Appended::position).isSorted();
        }

        @Test
        void manyEventsOfOneAppendTakeAscendingPositionsInSequenceOrder() {
            // given
            String aggregate = id();

            // when
            AppendResult result = store.append(AppendRequest.toAggregate(aggregate, 0, events(50, "ItemAdded")));

            // then
            List<StoredEvent> story = store.readAggregate(aggregate).events();
            assertThat(story).extracting(StoredEvent::position).isSortedAccordingTo(StreamPosition::compareTo).doesNotHaveDuplicates();
            assertThat(story).extracting(StoredEvent::eventId)
                    .containsExactlyElementsOf(result.events().stream().map(AppendResult.Appended::eventId).toList());
            assertThat(readAll(EventFilter.types("ItemAdded"), 50)).extracting(StoredEvent::eventId)
                    .containsExactlyElementsOf(story.stream().map(StoredEvent::eventId).toList());
        }

        @Test
        void theStoryHoldsTheEventsInSequenceWithTheirContent() {
            // given
            String aggregate = id();
            NewEvent first = new NewEvent(id(), "ListCreated", "lists", "{\"name\":\"groceries\"}", "{\"user\":\"ann\"}");
            store.append(AppendRequest.toAggregate(aggregate, 0, List.of(first)));
            store.append(AppendRequest.toAggregate(aggregate, 1, List.of(event("ItemAdded", "{\"item\":\"milk\"}"))));

            // when
            AggregateStory story = store.readAggregate(aggregate);

            // then
            assertThat(story.exists()).isTrue();
            assertThat(story.lastSequence()).isEqualTo(2);
            assertThat(story.deleted()).isFalse();
            assertThat(story.snapshot()).isEmpty();
            StoredEvent stored = story.events().get(0);
            assertThat(stored.eventId()).isEqualTo(first.eventId());
            assertThat(stored.aggregateId()).isEqualTo(aggregate);
            assertThat(stored.aggregateSequence()).isEqualTo(1);
            assertThat(stored.eventType()).isEqualTo("ListCreated");
            assertThat(stored.context()).isEqualTo("lists");
            assertThat(stored.payload()).isEqualTo("{\"name\":\"groceries\"}");
            assertThat(stored.metadata()).isEqualTo("{\"user\":\"ann\"}");
            assertThat(stored.createdAt()).isNotNull();
            assertThat(story.events().get(1).aggregateSequence()).isEqualTo(2);
        }

        @Test
        void anUnknownAggregateHasAnEmptyStory() {
            AggregateStory story = store.readAggregate(id());
            assertThat(story.exists()).isFalse();
            assertThat(story.events()).isEmpty();
            assertThat(story.lastSequence()).isZero();
        }

        @Test
        void serviceEventsHaveNoAggregateSequence() {
            // when
            AppendResult result = store.append(AppendRequest.serviceEvents(events(2, "MailSent")));

            // then
            assertThat(result.events()).extracting(AppendResult.Appended::aggregateSequence).containsOnly(0L);
            assertThat(readAll(EventFilter.types("MailSent"), 2)).extracting(StoredEvent::aggregateId).containsOnlyNulls();
        }

        @Test
        void severalAggregatesInOneAppendAreAllWrittenOrNoneIs() {
            // given one aggregate at sequence 1
            String a = id();
            String b = id();
            store.append(AppendRequest.toAggregate(b, 0, events(1, "Created")));

            // when an append for a (new) and b (stale expectation) is made
            assertThatThrownBy(() -> store.append(List.of(
                    AppendRequest.toAggregate(a, 0, events(2, "Created")),
                    AppendRequest.toAggregate(b, 0, events(1, "Changed")))))
                    .isInstanceOf(EventoException.class)
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.CONCURRENCY_CONFLICT));

            // then nothing of it was written
            assertThat(store.readAggregate(a).exists()).isFalse();
            assertThat(store.readAggregate(b).lastSequence()).isEqualTo(1);

            // and the same append with the right expectations writes both
            List<AppendResult> results = store.append(List.of(
                    AppendRequest.toAggregate(a, 0, events(2, "Created")),
                    AppendRequest.toAggregate(b, 1, events(1, "Changed"))));
            assertThat(results).hasSize(2);
            assertThat(store.readAggregate(a).lastSequence()).isEqualTo(2);
            assertThat(store.readAggregate(b).lastSequence()).isEqualTo(2);
        }
    }

    @Nested
    class OptimisticConcurrency {

        @Test
        void aStaleExpectationIsAConflictAndWritesNothing() {
            // given
            String aggregate = id();
            store.append(AppendRequest.toAggregate(aggregate, 0, events(2, "Created")));

            // when / then
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(aggregate, 1, events(1, "Changed"))))
                    .isInstanceOf(EventoException.class)
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.CONCURRENCY_CONFLICT))
                    .hasMessageContaining("is at sequence 2, the append expected 1");
            assertThat(store.readAggregate(aggregate).lastSequence()).isEqualTo(2);
        }

        @Test
        void anExpectationAheadOfTheStreamIsAConflictSoNoHoleAppears() {
            // given
            String aggregate = id();
            store.append(AppendRequest.toAggregate(aggregate, 0, events(1, "Created")));

            // when / then
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(aggregate, 5, events(1, "Changed"))))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.CONCURRENCY_CONFLICT));
            assertThat(store.readAggregate(aggregate).events()).extracting(StoredEvent::aggregateSequence).containsExactly(1L);
        }

        @Test
        void creatingAnExistingAggregateIsAConflict() {
            String aggregate = id();
            store.append(AppendRequest.toAggregate(aggregate, 0, events(1, "Created")));
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(aggregate, 0, events(1, "Created"))))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.CONCURRENCY_CONFLICT));
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aCommandsStoryTellsWhetherItsEventIsStoredAlready() {
            // given: an aggregate with two events, the second one the command's
            String aggregate = id();
            NewEvent earlier = event("Created", "{}");
            NewEvent commands = event("Renamed", "{\"name\":\"x\"}");
            store.append(AppendRequest.toAggregate(aggregate, 0, List.of(earlier)));
            store.append(AppendRequest.toAggregate(aggregate, 1, List.of(commands)));

            // when
            CommandStory found = store.readStory(aggregate, commands.eventId());
            CommandStory fresh = store.readStory(aggregate, id());

            // then
            assertThat(found.earlier()).isPresent();
            assertThat(found.earlier().get().aggregateSequence()).isEqualTo(2);
            assertThat(found.earlier().get().payload()).isEqualTo("{\"name\":\"x\"}");
            assertThat(found.story().lastSequence()).isEqualTo(2);
            assertThat(found.story().events()).hasSize(2);
            assertThat(fresh.earlier()).isEmpty();
            assertThat(fresh.story().lastSequence()).isEqualTo(2);
        }

        @Test
        void appendingTheSameEventIdsAgainIsAcknowledgedWithoutWritingTwice() {
            // given
            String aggregate = id();
            AppendRequest request = AppendRequest.toAggregate(aggregate, 0, events(2, "Created"));
            AppendResult first = store.append(request);

            // when the very same append is retried
            AppendResult again = store.append(request);

            // then it is acknowledged with the stored positions and nothing more is written
            assertThat(again.duplicate()).isTrue();
            assertThat(again.events()).isEqualTo(first.events());
            assertThat(store.readAggregate(aggregate).events()).hasSize(2);
        }

        @Test
        void repeatedServiceEventsAreAcknowledgedToo() {
            AppendRequest request = AppendRequest.serviceEvents(events(1, "Notified"));
            AppendResult first = store.append(request);
            AppendResult again = store.append(request);
            assertThat(again.duplicate()).isTrue();
            assertThat(again.events()).isEqualTo(first.events());
            assertThat(readAll(EventFilter.types("Notified"), 1)).hasSize(1);
        }

        @Test
        void aStoredEventCanBeReadByItsId() {
            NewEvent event = event("Created", "{\"x\":1}");
            String aggregate = id();
            AppendResult result = store.append(AppendRequest.toAggregate(aggregate, 0, List.of(event)));
            assertThat(store.readEvent(event.eventId())).get().satisfies(stored -> {
                assertThat(stored.position()).isEqualTo(result.events().get(0).position());
                assertThat(stored.aggregateId()).isEqualTo(aggregate);
                assertThat(stored.payload()).isEqualTo("{\"x\":1}");
            });
            assertThat(store.readEvent(id())).isEmpty();
        }

        @Test
        void anAppendMixingStoredAndNewEventIdsIsRejected() {
            // given
            NewEvent stored = event("Created", "{}");
            String aggregate = id();
            store.append(AppendRequest.toAggregate(aggregate, 0, List.of(stored)));

            // when / then
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(aggregate, 1, List.of(event("Changed", "{}"), stored))))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.EVENT_ID_REUSED));
            assertThat(store.readAggregate(aggregate).lastSequence()).isEqualTo(1);
        }
    }

    @Nested
    class Snapshots {

        @Test
        void theStoryStartsFromTheLatestSnapshot() {
            // given
            String aggregate = id();
            store.append(AppendRequest.toAggregate(aggregate, 0, events(3, "Changed")));
            store.saveSnapshot(aggregate, 2, "{\"count\":2}");

            // when
            AggregateStory story = store.readAggregate(aggregate);

            // then
            assertThat(story.snapshot()).get().satisfies(s -> {
                assertThat(s.sequence()).isEqualTo(2);
                assertThat(s.state()).isEqualTo("{\"count\":2}");
            });
            assertThat(story.events()).extracting(StoredEvent::aggregateSequence).containsExactly(3L);
            assertThat(story.lastSequence()).isEqualTo(3);
        }

        @Test
        void anOlderSnapshotNeverReplacesANewerOne() {
            String aggregate = id();
            store.append(AppendRequest.toAggregate(aggregate, 0, events(3, "Changed")));
            store.saveSnapshot(aggregate, 3, "{\"v\":3}");
            store.saveSnapshot(aggregate, 1, "{\"v\":1}");
            assertThat(store.loadSnapshot(aggregate)).get().extracting(Snapshot::sequence).isEqualTo(3L);
        }

        @Test
        void aSnapshotSentWithTheEventsIsSavedInTheSameAppend() {
            // given
            String aggregate = id();

            // when
            store.append(AppendRequest.toAggregate(aggregate, 0, events(2, "Changed"))
                    .withSnapshot(new AppendRequest.SnapshotState("{\"v\":2}")));

            // then
            AggregateStory story = store.readAggregate(aggregate);
            assertThat(story.snapshot()).get().extracting(Snapshot::sequence).isEqualTo(2L);
            assertThat(story.events()).isEmpty();
            assertThat(story.lastSequence()).isEqualTo(2);
        }

        @Test
        void aSnapshotOfASequenceThatDoesNotExistIsRejected() {
            String aggregate = id();
            store.append(AppendRequest.toAggregate(aggregate, 0, events(1, "Changed")));
            assertThatThrownBy(() -> store.saveSnapshot(aggregate, 7, "{}"))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }
    }

    @Nested
    class Deletion {

        @Test
        void aDeletedAggregateKeepsItsStreamAndRefusesAppends() {
            // given
            String aggregate = id();
            store.append(AppendRequest.toAggregate(aggregate, 0, events(2, "Changed")));

            // when
            store.deleteAggregate(aggregate);

            // then
            AggregateStory story = store.readAggregate(aggregate);
            assertThat(story.deleted()).isTrue();
            assertThat(story.events()).hasSize(2);
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(aggregate, 2, events(1, "Changed"))))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.AGGREGATE_DELETED));
        }

        @Test
        void anAppendCanDeleteItsAggregate() {
            String aggregate = id();
            store.append(AppendRequest.toAggregate(aggregate, 0, events(1, "Created")));
            store.append(AppendRequest.toAggregate(aggregate, 1, events(1, "Deleted")).deletingAggregate());
            assertThat(store.readAggregate(aggregate).deleted()).isTrue();
            assertThat(store.readAggregate(aggregate).lastSequence()).isEqualTo(2);
        }
    }

    @Nested
    class GlobalStream {

        @Test
        void readersSeeEveryEventOnceInAppendOrder() {
            // given
            List<String> appended = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String aggregate = id();
                AppendResult result = store.append(AppendRequest.toAggregate(aggregate, 0, events(3, "Changed")));
                result.events().forEach(e -> appended.add(e.eventId()));
            }

            // when read three at a time
            List<StoredEvent> read = readAll(EventFilter.ALL, 12);

            // then
            assertThat(read).extracting(StoredEvent::eventId).containsExactlyElementsOf(appended);
            assertThat(read).extracting(StoredEvent::position).isSorted().doesNotHaveDuplicates();
        }

        @Test
        void aFilterSelectsTypesAndContextAndTheReaderStillAdvances() {
            // given
            store.append(AppendRequest.serviceEvents(List.of(
                    new NewEvent(id(), "A", "ctx1", "{\"x\":1}", "{}"),
                    new NewEvent(id(), "B", "ctx1", "{\"x\":2}", "{}"),
                    new NewEvent(id(), "A", "ctx2", "{\"x\":3}", "{}"),
                    new NewEvent(id(), "C", "ctx1", "{\"x\":4}", "{}"))));
            readAll(EventFilter.ALL, 4);

            // then
            assertThat(readAll(EventFilter.types("A"), 2)).extracting(StoredEvent::payload).containsExactly("{\"x\":1}", "{\"x\":3}");
            assertThat(readAll(new EventFilter(Set.of("A"), "ctx1"), 1)).extracting(StoredEvent::payload).containsExactly("{\"x\":1}");
            assertThat(readAll(new EventFilter(Set.of(), "ctx1"), 3)).hasSize(3);
            EventBatch onlyC = store.readAfter(StreamPosition.START, EventFilter.types("C"), 10);
            assertThat(onlyC.events()).hasSize(1);
            assertThat(onlyC.next()).isEqualTo(onlyC.events().get(0).position());
            EventBatch none = store.readAfter(StreamPosition.START, EventFilter.types("Z"), 10);
            assertThat(none.events()).isEmpty();
            assertThat(none.next()).isEqualTo(onlyC.next());
        }

        @Test
        void aContextPatternSelectsAnExactContextAPrefixOrEveryContext() {
            // given events in eu, eu-it, us and in two contexts a LIKE pattern would confuse
            store.append(AppendRequest.serviceEvents(List.of(
                    new NewEvent(id(), "A", "eu", "{\"x\":1}", "{}"),
                    new NewEvent(id(), "A", "eu-it", "{\"x\":2}", "{}"),
                    new NewEvent(id(), "A", "us", "{\"x\":3}", "{}"),
                    new NewEvent(id(), "A", "e_%", "{\"x\":4}", "{}"),
                    new NewEvent(id(), "A", "europe", "{\"x\":5}", "{}"))));
            readAll(EventFilter.ALL, 5);

            // then
            assertThat(readAll(new EventFilter(Set.of(), "eu*"), 3)).extracting(StoredEvent::payload)
                    .containsExactly("{\"x\":1}", "{\"x\":2}", "{\"x\":5}");
            assertThat(readAll(new EventFilter(Set.of(), "eu-*"), 1)).extracting(StoredEvent::payload).containsExactly("{\"x\":2}");
            assertThat(readAll(new EventFilter(Set.of(), "e_*"), 1)).extracting(StoredEvent::payload).containsExactly("{\"x\":4}");
            assertThat(readAll(new EventFilter(Set.of(), "us"), 1)).extracting(StoredEvent::payload).containsExactly("{\"x\":3}");
            assertThat(readAll(new EventFilter(Set.of(), "eu"), 1)).extracting(StoredEvent::payload).containsExactly("{\"x\":1}");
            assertThat(readAll(new EventFilter(Set.of(), "*"), 5)).hasSize(5);
        }

        @Test
        void theHeadIsTheLastReadablePosition() {
            assertThat(store.head()).isEqualTo(StreamPosition.START);
            AppendResult result = store.append(AppendRequest.serviceEvents(events(2, "Tick")));
            await().atMost(Duration.ofSeconds(10)).until(() -> store.head().equals(result.events().get(1).position()));
        }

        @Test
        void readingPastTheHeadReturnsNothingAndStays() {
            store.append(AppendRequest.serviceEvents(events(1, "Tick")));
            StreamPosition head = readAll(EventFilter.ALL, 1).get(0).position();
            EventBatch batch = store.readAfter(head, EventFilter.ALL, 10);
            assertThat(batch.events()).isEmpty();
            assertThat(batch.next()).isEqualTo(head);
        }
    }

    @Nested
    class Browsing {

        @Test
        void anAggregatesEventsArePagedBySequence() {
            // given
            String aggregate = id();
            store.append(AppendRequest.toAggregate(aggregate, 0, events(5, "Changed")));
            store.saveSnapshot(aggregate, 4, "{}");

            // when
            List<StoredEvent> first = store.readAggregateEvents(aggregate, 0, 2);
            List<StoredEvent> rest = store.readAggregateEvents(aggregate, 2, 10);

            // then the snapshot does not hide history
            assertThat(first).extracting(StoredEvent::aggregateSequence).containsExactly(1L, 2L);
            assertThat(rest).extracting(StoredEvent::aggregateSequence).containsExactly(3L, 4L, 5L);
            assertThat(store.readAggregateEvents(id(), 0, 10)).isEmpty();
        }

        @Test
        void eventsAfterAPositionAreCountedUpToTheCap() {
            // given
            store.append(AppendRequest.serviceEvents(events(5, "Tick")));
            List<StoredEvent> all = readAll(EventFilter.ALL, 5);

            // when / then
            await().atMost(Duration.ofSeconds(10)).until(() -> store.countAfter(StreamPosition.START, 100) == 5);
            assertThat(store.countAfter(all.get(1).position(), 100)).isEqualTo(3);
            assertThat(store.countAfter(StreamPosition.START, 2)).isEqualTo(2);
            assertThat(store.countAfter(all.get(4).position(), 100)).isZero();
        }

        @Test
        void snapshotsAreFoundByPartOfTheAggregateIdAndPaged() {
            // given three aggregates with snapshots, two of them sharing a marker
            String marker = id();
            for (String aggregate : List.of(marker + "-b", marker + "-a", id())) {
                store.append(AppendRequest.toAggregate(aggregate, 0, events(1, "Changed")));
                store.saveSnapshot(aggregate, 1, "{\"v\":1}");
            }

            // when
            List<Snapshot> page = store.listSnapshots(marker, 0, 1);
            List<Snapshot> next = store.listSnapshots(marker, 1, 1);

            // then
            assertThat(store.countSnapshots(marker)).isEqualTo(2);
            assertThat(page).extracting(Snapshot::aggregateId).containsExactly(marker + "-a");
            assertThat(next).extracting(Snapshot::aggregateId).containsExactly(marker + "-b");
            assertThat(store.listSnapshots("'; DROP TABLE evento_snapshot; --", 0, 10)).isEmpty();
            assertThat(store.countSnapshots("")).isGreaterThanOrEqualTo(3);
        }
    }

    @Nested
    class BadInput {

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "a\u0000b", "tab\there"})
        void blankOrControlCharacterIdsAreRejected(String bad) {
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(bad, 0, events(1, "Created"))))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST));
            assertThatThrownBy(() -> store.append(AppendRequest.serviceEvents(List.of(NewEvent.of(bad, "T", "{}")))))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST));
            assertThatThrownBy(() -> store.append(AppendRequest.serviceEvents(List.of(NewEvent.of(id(), bad, "{}")))))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }

        @Test
        void nullsAreRejectedWithAClearMessage() {
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(id(), 0, List.of(NewEvent.of(null, "T", "{}")))))
                    .hasMessageContaining("eventId must not be empty");
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(id(), 0, List.of(NewEvent.of(id(), "T", null)))))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.INVALID_JSON));
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(id(), 0, List.of())))
                    .hasMessageContaining("at least one event");
            assertThatThrownBy(() -> store.append(List.of()))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }

        @Test
        void tooLongIdsAreRejected() {
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate("x".repeat(256), 0, events(1, "T"))))
                    .hasMessageContaining("aggregateId is longer than 255");
            assertThatThrownBy(() -> store.append(AppendRequest.serviceEvents(List.of(NewEvent.of("e".repeat(129), "T", "{}")))))
                    .hasMessageContaining("eventId is longer than 128");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{", "{\"a\":}", "not json", "{} {}", "", "[1,2", "{'single':1}"})
        void invalidJsonPayloadsAreRejectedAndNothingIsWritten(String payload) {
            String aggregate = id();
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(aggregate, 0, List.of(NewEvent.of(id(), "T", payload)))))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.INVALID_JSON));
            assertThat(store.readAggregate(aggregate).exists()).isFalse();
        }

        @Test
        void metadataMustBeAJsonObject() {
            assertThatThrownBy(() -> store.append(AppendRequest.serviceEvents(List.of(new NewEvent(id(), "T", "default", "{}", "[1]")))))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.INVALID_JSON));
        }

        @Test
        void anOversizedPayloadIsRejectedAndNothingIsWritten() {
            // given a payload one byte over the documented 1 MiB limit
            String aggregate = id();
            String big = "\"" + "x".repeat((1 << 20) - 1) + "\"";

            // when / then
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(aggregate, 0, List.of(NewEvent.of(id(), "Big", big)))))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE))
                    .hasMessageContaining("the limit is 1048576");
            assertThat(store.readAggregate(aggregate).exists()).isFalse();

            // and a payload right at the limit is accepted
            String fits = "\"" + "x".repeat((1 << 20) - 2) + "\"";
            store.append(AppendRequest.toAggregate(aggregate, 0, List.of(NewEvent.of(id(), "Big", fits))));
            assertThat(store.readAggregate(aggregate).events().get(0).payload()).hasSize(1 << 20);
        }

        @Test
        void aNegativeExpectedSequenceIsRejected() {
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(id(), -1, events(1, "T"))))
                    .hasMessageContaining("expectedSequence");
        }

        @Test
        void theSameEventIdTwiceInOneAppendIsRejected() {
            NewEvent twice = event("T", "{}");
            assertThatThrownBy(() -> store.append(AppendRequest.toAggregate(id(), 0, List.of(twice, twice))))
                    .hasMessageContaining("appears twice");
        }

        @Test
        void aBadLimitIsRejected() {
            assertThatThrownBy(() -> store.readAfter(StreamPosition.START, EventFilter.ALL, 0))
                    .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }

        @Test
        void sqlLookingTextInEveryFieldIsStoredVerbatim() {
            // given
            String evil = "x'); DROP TABLE evento_event; --";
            String aggregate = "agg " + evil;
            NewEvent event = new NewEvent("id " + evil, "Type " + evil, "ctx " + evil,
                    "{\"text\":\"" + evil + "\"}", "{\"m\":\"" + evil + "\"}");

            // when
            store.append(AppendRequest.toAggregate(aggregate, 0, List.of(event)));
            store.saveSnapshot(aggregate, 1, "{\"s\":\"" + evil + "\"}");

            // then
            StoredEvent stored = store.readAggregate(aggregate).snapshot().isPresent()
                    ? readAll(new EventFilter(Set.of("Type " + evil), "ctx " + evil), 1).get(0)
                    : null;
            assertThat(stored).isNotNull();
            assertThat(stored.eventId()).isEqualTo("id " + evil);
            assertThat(stored.aggregateId()).isEqualTo(aggregate);
            assertThat(stored.payload()).isEqualTo(event.payload());
            assertThat(stored.metadata()).isEqualTo(event.metadata());
            assertThat(store.loadSnapshot(aggregate)).get().extracting(Snapshot::state).isEqualTo("{\"s\":\"" + evil + "\"}");
        }
    }
}
