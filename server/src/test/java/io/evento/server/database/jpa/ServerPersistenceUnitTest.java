package io.evento.server.database.jpa;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.ConsumerReport.ConsumerStatus;
import io.evento.protocol.frame.Hello;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.PayloadInfo;
import io.evento.server.catalog.Registration;
import io.evento.server.catalog.SubjectKind;
import io.evento.server.catalog.jpa.CatalogStore;
import io.evento.server.consumer.ReportedConsumer;
import io.evento.server.consumer.jpa.ConsumerReportStore;
import io.evento.server.database.Transactions;
import io.evento.server.security.jpa.AdminKeyStore;
import io.evento.server.status.ServerStatus;
import io.evento.server.status.jpa.ServerStatusStore;
import io.evento.server.store.AppendRequest;
import io.evento.server.store.EventStoreMode;
import io.evento.server.store.EventStoreSettings;
import io.evento.server.store.NewEvent;
import io.evento.server.store.StoredEvent;
import io.evento.server.store.StreamPosition;
import io.evento.server.store.jdbc.PostgresEventStore;
import io.evento.server.store.jpa.EventSearch;
import io.evento.server.store.jpa.StateStoreBrowser;
import io.evento.server.telemetry.HandlerKey;
import io.evento.server.telemetry.HandlerWindow;
import io.evento.server.telemetry.MinuteCounts;
import io.evento.server.telemetry.MinuteSends;
import io.evento.server.telemetry.SendKey;
import io.evento.server.telemetry.jpa.TelemetryStore;
import io.evento.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server's persistence unit on Payara's provider (EclipseLink) against a migrated PostgreSQL:
 * every entity maps its table, and every store reads back what it wrote. (Hibernate runs the same
 * stores on WildFly: servers/WildFlyIT.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerPersistenceUnitTest {

    private static final String SQLISH = "x'); DROP TABLE evento_event; --";

    private TestDatabase database;
    private ServerPersistenceUnit unit;
    private Transactions transactions;

    @BeforeAll
    void start() {
        database = TestDatabase.migrated();
        unit = ServerPersistenceUnit.resourceLocal(database.newDataSource());
        transactions = new ResourceLocalTransactions(unit);
    }

    @AfterAll
    void stop() {
        unit.close();
        database.close();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Nested
    class EveryEntity {
        @Test
        void mapsATableOfTheMigratedSchema() {
            // given the unit's entities
            // when each is queried
            // then the provider maps every one of them (an unknown column or table fails the query)
            for (String name : EntityClasses.NAMES) {
                String entity = name.substring(name.lastIndexOf('.') + 1);
                long count = transactions.inTransaction(em -> em.createQuery("SELECT COUNT(x) FROM " + entity + " x", Long.class)
                        .getSingleResult());
                assertThat(count).as(entity).isNotNegative();
            }
        }
    }

    @Nested
    class Catalog {
        @Test
        void aSecondHelloOfTheSameVersionReplacesTheFirst() {
            // given
            CatalogStore store = new CatalogStore(transactions);
            String bundle = unique("bundle");
            store.register(hello(bundle, 1, "First"));
            // when
            store.register(hello(bundle, 1, "Second"));
            store.register(hello(bundle, 2, "Third"));
            // then
            List<Registration> mine = store.registrations().stream().filter(r -> r.bundleId().equals(bundle)).toList();
            assertThat(mine).extracting(Registration::bundleVersion).containsExactly(1L, 2L);
            assertThat(mine.get(0).components()).extracting(ComponentInfo::name).containsExactly("Second");
            assertThat(mine.get(0).payloads()).extracting(PayloadInfo::name).containsExactly("SecondPayload");
        }

        @Test
        void descriptionsAreSetRewrittenAndRemovedVerbatim() {
            // given
            CatalogStore store = new CatalogStore(transactions);
            String name = unique(SQLISH);
            // when
            store.describe(SubjectKind.PAYLOAD, name, "  first  ", "ann");
            store.describe(SubjectKind.PAYLOAD, name, SQLISH, "bob");
            // then
            assertThat(store.descriptions().get(SubjectKind.PAYLOAD)).containsEntry(name, SQLISH);
            // when
            store.describe(SubjectKind.PAYLOAD, name, " ", "bob");
            // then
            assertThat(store.descriptions().getOrDefault(SubjectKind.PAYLOAD, Map.of())).doesNotContainKey(name);
        }

        private Hello hello(String bundle, long version, String component) {
            return new Hello("h-" + component, Hello.PROTOCOL_VERSION, bundle, version, "instance-1", "token",
                    List.of(new ComponentInfo(component, ComponentKind.PROJECTION, 1, List.of(), null)),
                    List.of(new PayloadInfo(component + "Payload", MessageKind.VIEW, null, null, null)), 0, 0);
        }
    }

    @Nested
    class ConsumerReports {
        @Test
        void theLastReportOfEachConsumerIsKept() {
            // given
            ConsumerReportStore store = new ConsumerReportStore(transactions);
            String consumer = unique("consumer");
            store.save("todo", "i1", "m1", "c1", List.of(status(consumer, "1.5")));
            // when
            store.save("todo", "i2", "m2", "c2", List.of(status(consumer, "7.9")));
            // then
            ReportedConsumer found = store.find(consumer).orElseThrow();
            assertThat(found.instanceId()).isEqualTo("i2");
            assertThat(found.connectionKey()).isEqualTo("c2");
            assertThat(found.status().position()).isEqualTo("7.9");
            assertThat(store.all()).extracting(r -> r.status().consumerId()).contains(consumer);
            assertThat(store.find(unique("nobody"))).isEmpty();
        }

        private ConsumerStatus status(String consumer, String position) {
            return new ConsumerStatus(consumer, "Projector", ComponentKind.PROJECTOR, position, true, 0, List.of());
        }
    }

    @Nested
    class Telemetry {
        @Test
        void minutesAreReplacedPerMemberAndSummedAcrossMembers() {
            // given
            TelemetryStore store = new TelemetryStore(transactions);
            String bundle = unique("bundle");
            HandlerKey handler = new HandlerKey(bundle, "TodoList", "AddItem");
            long minute = Instant.now().getEpochSecond() / 60;
            store.publish("m1", List.of(new MinuteCounts(minute, handler, 5, 1, 50, 20)), List.of());
            // when the same minute is published again by m1 and once by m2
            store.publish("m1", List.of(new MinuteCounts(minute, handler, 8, 2, 80, 30)),
                    List.of(new MinuteSends(minute, new SendKey(bundle, "Api", "", "AddItem"), 4)));
            store.publish("m2", List.of(new MinuteCounts(minute, handler, 2, 0, 10, 40)), List.of());
            // then
            HandlerWindow window = store.window(minute - 1, 60).stream().filter(w -> w.bundleId().equals(bundle)).findFirst().orElseThrow();
            assertThat(window.invocations()).isEqualTo(10);
            assertThat(window.failures()).isEqualTo(2);
            assertThat(window.meanMillis()).isEqualTo(9.0);
            assertThat(window.maxMillis()).isEqualTo(40.0);
            assertThat(store.series(handler, minute - 1)).singleElement().satisfies(p -> {
                assertThat(p.invocations()).isEqualTo(10);
                assertThat(p.minute()).isEqualTo(Instant.ofEpochSecond(minute * 60));
            });
            assertThat(store.sends(minute - 1)).containsEntry(new SendKey(bundle, "Api", "", "AddItem"), 4L);
            // when
            store.prune(minute + 1);
            // then
            assertThat(store.window(minute - 1, 60)).noneMatch(w -> w.bundleId().equals(bundle));
            assertThat(store.sends(minute - 1)).doesNotContainKey(new SendKey(bundle, "Api", "", "AddItem"));
        }
    }

    @Nested
    class ServerStatuses {
        @Test
        void eachMemberHasOneRowAndRowsOlderThanADayGo() {
            // given
            ServerStatusStore store = new ServerStatusStore(transactions);
            String member = unique("member");
            String gone = unique("gone");
            store.publish(new ServerStatus(gone, "old", null, true, 0, 0, 0, Instant.now()));
            database.execute("UPDATE evento_server_status SET reported_at = now() - interval '2 days' WHERE member_id = '" + gone + "'");
            // when
            store.publish(new ServerStatus(member, "i1", "http://127.0.0.1:1", false, 1, 2, 3, Instant.now()));
            store.publish(new ServerStatus(member, "i1", "http://127.0.0.1:1", true, 4, 5, 6, Instant.now()));
            // then
            List<ServerStatus> all = store.all();
            assertThat(all).extracting(ServerStatus::memberId).contains(member).doesNotContain(gone);
            ServerStatus mine = all.stream().filter(s -> s.memberId().equals(member)).findFirst().orElseThrow();
            assertThat(mine.ready()).isTrue();
            assertThat(mine.connections()).isEqualTo(4);
            assertThat(mine.invocations()).isEqualTo(6);
        }
    }

    @Nested
    class AdminKey {
        @Test
        void isMadeOnceAndThenReadByEveryone() {
            // given
            AdminKeyStore first = new AdminKeyStore(transactions);
            AdminKeyStore second = new AdminKeyStore(transactions);
            // when
            String made = first.key();
            // then
            assertThat(made).hasSizeGreaterThan(40);
            assertThat(second.key()).isEqualTo(made);
        }
    }

    @Nested
    class LoginFailures {
        @Test
        void areCountedForTheWholeClusterWithinTheWindow() {
            // given two instances' stores
            io.evento.server.security.jpa.LoginFailureStore one = new io.evento.server.security.jpa.LoginFailureStore(transactions, "m1");
            io.evento.server.security.jpa.LoginFailureStore two = new io.evento.server.security.jpa.LoginFailureStore(transactions, "m2");
            String name = unique(SQLISH);
            // when / then
            assertThat(one.recordAndCount(name, java.time.Duration.ofMinutes(1))).isEqualTo(1);
            assertThat(two.recordAndCount(name, java.time.Duration.ofMinutes(1))).isEqualTo(2);
            assertThat(one.recordAndCount(unique("other"), java.time.Duration.ofMinutes(1))).isEqualTo(1);
            assertThat(two.recordAndCount("x".repeat(1000), java.time.Duration.ofMinutes(1))).isEqualTo(1);
            database.execute("UPDATE evento_login_failure SET failed_at = now() - interval '2 minutes'");
            assertThat(one.recordAndCount(name, java.time.Duration.ofMinutes(1))).isEqualTo(1);
            assertThat(database.queryLong("SELECT count(*) FROM evento_login_failure")).isEqualTo(1);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Browser {
        private PostgresEventStore events;
        private StateStoreBrowser browser;
        private final String list = unique("list");
        private final String other = unique("other");

        @BeforeAll
        void appendEvents() {
            DataSource dataSource = database.newDataSource();
            events = new PostgresEventStore(dataSource, EventStoreSettings.defaults(EventStoreMode.HORIZON), Executors.defaultThreadFactory());
            browser = new StateStoreBrowser(transactions);
            events.append(AppendRequest.toAggregate(list, 0, List.of(
                    new NewEvent(unique("e"), "ListCreated", "lists", "{\"name\":\"groceries\",\"owner\":{\"id\":7}}", "{}"),
                    new NewEvent(unique("e"), "ItemAdded", "lists", "{\"item\":\"milk\",\"tags\":[\"dairy\",\"cold\"]}", "{}"),
                    new NewEvent(unique("e"), "ItemAdded", "default", "{\"item\":\"" + SQLISH.replace("'", "\\u0027") + "\"}", "{}"))));
            events.append(AppendRequest.toAggregate(other, 0, List.of(
                    new NewEvent(unique("e"), "ItemAdded", "lists", "{\"item\":\"bread\"}", "{}"))));
            events.saveSnapshot(list, 3, "{\"items\":2}");
        }

        @AfterAll
        void close() throws Exception {
            events.close();
        }

        private List<StoredEvent> find(String aggregate, Set<String> types, String context, String contains) {
            return browser.search(new EventSearch(StreamPosition.START, null, types, context, aggregate, null, null, contains, 100), true)
                    .events();
        }

        @Test
        void findsByAggregateTypeAndContext() {
            // when / then
            assertThat(find(list, Set.of(), null, null)).extracting(StoredEvent::aggregateSequence).containsExactly(1L, 2L, 3L);
            assertThat(find(list, Set.of("ItemAdded"), null, null)).extracting(StoredEvent::aggregateSequence).containsExactly(2L, 3L);
            assertThat(find(list, Set.of("ItemAdded"), "lists", null)).extracting(StoredEvent::aggregateSequence).containsExactly(2L);
            assertThat(find(unique("nobody"), Set.of(), null, null)).isEmpty();
        }

        @Test
        void findsByPayloadContent() {
            // when / then: JSON containment, nested objects and array members included
            assertThat(find(null, Set.of(), null, "{\"owner\":{\"id\":7}}")).extracting(StoredEvent::aggregateId).containsExactly(list);
            assertThat(find(null, Set.of(), null, "{\"tags\":[\"cold\"]}")).extracting(StoredEvent::aggregateSequence).containsExactly(2L);
            assertThat(find(null, Set.of(), null, "{\"item\":\"bread\"}")).extracting(StoredEvent::aggregateId).containsExactly(other);
            assertThat(find(null, Set.of(), null, "{\"item\":\"" + SQLISH.replace("'", "\\u0027") + "\"}"))
                    .extracting(StoredEvent::aggregateSequence).containsExactly(3L);
            assertThat(find(null, Set.of(), null, "{\"item\":\"brea\"}")).isEmpty();
        }

        @Test
        void findsByCreationTime() {
            // given
            Instant created = find(list, Set.of(), null, null).get(0).createdAt();
            // when / then
            assertThat(browser.search(new EventSearch(StreamPosition.START, null, Set.of(), null, list, created, created.plusSeconds(60),
                    null, 100), true).events()).hasSize(3);
            assertThat(browser.search(new EventSearch(StreamPosition.START, null, Set.of(), null, list, created.plusSeconds(60), null,
                    null, 100), true).events()).isEmpty();
            assertThat(browser.search(new EventSearch(StreamPosition.START, null, Set.of(), null, list, null, created,
                    null, 100), true).events()).isEmpty();
        }

        @Test
        void pagesWithACursorInStreamOrder() {
            // given
            StateStoreBrowser.SearchPage first = browser.search(new EventSearch(StreamPosition.START, null, Set.of(), null, list, null, null,
                    null, 2), true);
            // when
            StateStoreBrowser.SearchPage rest = browser.search(new EventSearch(first.next(), null, Set.of(), null, list, null, null,
                    null, 2), true);
            // then
            assertThat(first.events()).extracting(StoredEvent::aggregateSequence).containsExactly(1L, 2L);
            assertThat(first.more()).isTrue();
            assertThat(rest.events()).extracting(StoredEvent::aggregateSequence).containsExactly(3L);
            assertThat(rest.more()).isFalse();
            assertThat(first.next()).isEqualTo(first.events().get(1).position());
            assertThat(browser.search(new EventSearch(StreamPosition.START, first.events().get(1).position(), Set.of(), null, list, null,
                    null, null, 10), true).events()).extracting(StoredEvent::aggregateSequence).containsExactly(1L);
        }

        @Test
        void showsOneAggregateWithItsSnapshot() {
            // when
            StateStoreBrowser.AggregateView view = browser.aggregate(list, 1, 10, true).orElseThrow();
            // then
            assertThat(view.lastSequence()).isEqualTo(3);
            assertThat(view.deleted()).isFalse();
            assertThat(view.snapshot().orElseThrow().state()).contains("items");
            assertThat(view.events()).extracting(StoredEvent::aggregateSequence).containsExactly(2L, 3L);
            assertThat(browser.aggregate(unique("nobody"), 0, 10, true)).isEmpty();
            assertThat(browser.snapshots(list, 0, 10)).singleElement().satisfies(s -> assertThat(s.sequence()).isEqualTo(3));
            assertThat(browser.countSnapshots(SQLISH)).isZero();
            assertThat(browser.event(view.events().get(0).eventId(), true)).isPresent();
        }
    }

    @Nested
    class DatabaseDown {
        @Test
        void isReportedAsUnavailableAndTheUnitRecoversOnceItAnswers() throws Exception {
            // given a unit on a database that does not exist (yet)
            String name = "evento_jpa_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            org.postgresql.ds.PGSimpleDataSource missing = new org.postgresql.ds.PGSimpleDataSource();
            missing.setUrl(database.jdbcUrl().replaceAll("/[^/?]+(\\?.*)?$", "/" + name));
            missing.setUser(io.evento.payara.database.ThrowawayDatabase.user());
            missing.setPassword(io.evento.payara.database.ThrowawayDatabase.password());
            try (ServerPersistenceUnit down = ServerPersistenceUnit.resourceLocal(missing)) {
                ServerStatusStore store = new ServerStatusStore(new ResourceLocalTransactions(down));
                // when / then
                assertThatThrownBy(store::all).isInstanceOfSatisfying(EventoException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_UNAVAILABLE));
                // when the database comes
                database.execute("CREATE DATABASE " + name);
                try {
                    new io.evento.server.database.SchemaMigration(missing).migrate();
                    // then the same unit works
                    assertThat(store.all()).isNotNull();
                } finally {
                    down.close();
                    database.execute("DROP DATABASE " + name);
                }
            }
        }
    }
}
