package io.evento.bundle.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.bundle.EventoBundle;
import io.evento.bundle.sample.AccountAggregate;
import io.evento.bundle.sample.AccountProjection;
import io.evento.bundle.sample.AccountProjector;
import io.evento.bundle.sample.AccountViews;
import io.evento.bundle.sample.BankInvoker;
import io.evento.bundle.sample.LargeDepositObserver;
import io.evento.bundle.sample.Messages.AccountView;
import io.evento.bundle.sample.Messages.Deposit;
import io.evento.bundle.sample.Messages.GetAccount;
import io.evento.bundle.sample.Messages.ListAccounts;
import io.evento.bundle.sample.Messages.MoneyDeposited;
import io.evento.bundle.sample.Messages.Withdraw;
import io.evento.bundle.sample.Notifier;
import io.evento.bundle.sample.WelcomeSaga;
import io.evento.bundle.regions.EverywhereObserver;
import io.evento.bundle.regions.RegionMessages.OpenShop;
import io.evento.bundle.regions.RegionMessages.RecordSale;
import io.evento.bundle.regions.RegionalObserver;
import io.evento.bundle.regions.SalesService;
import io.evento.bundle.regions.ShopAggregate;
import io.evento.bundle.state.DeadEvent;
import io.evento.bundle.state.jdbc.JdbcConsumerStateStore;
import io.evento.payara.MicroCluster;
import io.evento.payara.database.ThrowawayDatabase;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two bundles written with the library, on a real two-instance cluster: "accounts" (aggregate,
 * projector, projection, invoker) and "engagement" (saga, observer, service) exchange commands,
 * events and queries across the instances; a poison event goes to the dead event queue and is
 * retried; the accounts bundle survives a cut connection and the death of its server without
 * skipping or repeating an event in its projector. The steps run in order on one cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundleEndToEndIT {

    private static final String TOKEN = "bundle-it-token";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ThrowawayDatabase database;
    private MicroCluster cluster;
    private EventoBundle accounts;
    private EventoBundle engagement;
    private final AccountViews views = new AccountViews();
    private final Notifier notifier = new Notifier();
    private final LargeDepositObserver observer = new LargeDepositObserver();
    private final List<io.evento.bundle.tracing.HandledMessage> handledByEngagement = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> accountIds = new ArrayList<>();

    @BeforeAll
    void start() {
        database = ThrowawayDatabase.create("evento_bundle_it");
        cluster = ServerCluster.start(database, 2, TOKEN, Map.of("EVENTO_BUS_HEARTBEAT_MILLIS", "1000"), "end-to-end");
        String first = cluster.instance(0).baseUrl();
        String second = cluster.instance(1).baseUrl();
        engagement = EventoBundle.builder().bundleId("engagement").servers(second, first).token(TOKEN)
                .components(WelcomeSaga.class, LargeDepositObserver.class, Notifier.class)
                .injector(type -> type == Notifier.class ? notifier : type == LargeDepositObserver.class ? observer : null)
                .interceptor(new io.evento.bundle.tracing.MessageHandlerInterceptor() {
                    @Override
                    public void before(io.evento.bundle.tracing.HandledMessage message) {
                        handledByEngagement.add(message);
                    }
                })
                .start();
        accounts = EventoBundle.builder().bundleId("accounts").servers(first, second).token(TOKEN)
                .components(AccountAggregate.class, AccountProjector.class, AccountProjection.class, BankInvoker.class)
                .injector(type -> type == AccountViews.class ? views : null)
                .start();
    }

    @AfterAll
    void stop() {
        ServerCluster.closeAll(accounts, engagement, cluster, database);
    }

    private String newAccount(String owner) {
        String id = "acc-" + UUID.randomUUID().toString().substring(0, 8);
        engagement.commandGateway().sendAndWait(new io.evento.bundle.sample.Messages.OpenAccount(id, owner));
        accountIds.add(id);
        return id;
    }

    @Test
    @Order(1)
    void componentsOfTwoBundlesExchangeCommandsEventsAndQueriesAcrossInstances() {
        // when an account is opened and funded through the accounts bundle (on instance 1)
        String id = newAccount("ann");
        MoneyDeposited deposited = accounts.invoker(BankInvoker.class).deposit(id, 1500);

        // then the aggregate answered with the event it stored
        assertThat(deposited).isEqualTo(new MoneyDeposited(id, 1500, 1500));

        // and the saga (engagement bundle, on instance 2) welcomed and congratulated through the service
        await().atMost(WAIT).untilAsserted(() -> assertThat(notifier.outbox).containsExactly(
                "ann: welcome, your account " + id + " is open", "ann: first deposit of 1500 received"));
        // the observer saw the large deposit
        await().atMost(WAIT).untilAsserted(() -> assertThat(observer.flagged).contains(id + ":1500"));
        // the projection answers a query sent from the other bundle, with one view and with a list
        await().atMost(WAIT).untilAsserted(() -> assertThat(engagement.queryGateway().queryAndWait(new GetAccount(id)))
                .isEqualTo(new AccountView(id, "ann", 1500)));
        assertThat(engagement.queryGateway().queryManyAndWait(new ListAccounts("ann"))).contains(new AccountView(id, "ann", 1500));

        // and the saga ended: a second deposit is not congratulated
        engagement.commandGateway().sendAndWait(new Deposit(id, 10));
        await().atMost(WAIT).untilAsserted(() -> assertThat(engagement.queryGateway().queryAndWait(new GetAccount(id)).balance()).isEqualTo(1510));
        assertThat(notifier.outbox).hasSize(2);
    }

    @Test
    @Order(2)
    void everyMessageOfOneRequestCarriesItsCorrelationIdAndItsCauseAcrossBundlesAndServers() {
        // when an account is opened from outside any handler: the aggregate (accounts bundle, instance 1) makes
        // AccountOpened, the saga (engagement bundle, instance 2) handles it and sends SendNotification to the service
        String id = newAccount("tracy");

        // then the saga saw the event caused by the command, with the command's id as the correlation
        await().atMost(WAIT).until(() -> handledByEngagement.stream().anyMatch(m -> m.component().equals("WelcomeSaga")
                && id.equals(m.aggregateId())));
        io.evento.bundle.tracing.HandledMessage opened = handledByEngagement.stream()
                .filter(m -> m.component().equals("WelcomeSaga") && id.equals(m.aggregateId())).findFirst().orElseThrow();
        String correlation = opened.metadata().get("correlationId");
        assertThat(opened.payloadType()).isEqualTo("AccountOpened");
        assertThat(correlation).isNotBlank();
        assertThat(opened.metadata().get("causationId")).as("the event's cause: the OpenAccount command").isEqualTo(correlation);
        assertThat(opened.messageId()).as("an event is known by its id").isNotEqualTo(correlation);

        // and the service saw exactly one command caused by that event, in the same correlation
        await().atMost(WAIT).untilAsserted(() -> assertThat(causedBy(opened.messageId())).hasSize(1));
        io.evento.bundle.tracing.HandledMessage notification = causedBy(opened.messageId()).get(0);
        assertThat(notification.component()).isEqualTo("Notifier");
        assertThat(notification.payloadType()).isEqualTo("SendNotification");
        assertThat(notification.metadata().get("correlationId")).isEqualTo(correlation);
        assertThat(notification.messageId()).isEqualTo(notification.metadata().get("messageId")).isNotIn(correlation, opened.messageId());
    }

    private List<io.evento.bundle.tracing.HandledMessage> causedBy(String messageId) {
        return handledByEngagement.stream().filter(m -> messageId.equals(m.metadata().get("causationId"))).toList();
    }

    @Test
    @Order(3)
    void aBusinessRuleViolationReachesTheCallerAsHandlerFailed() {
        String id = newAccount("bob");
        assertThatThrownBy(() -> engagement.commandGateway().sendAndWait(new Withdraw(id, 5)))
                .isInstanceOf(EventoException.class)
                .satisfies(e -> assertThat(((EventoException) e).code()).isEqualTo(ErrorCode.HANDLER_FAILED))
                .hasMessageContaining("insufficient funds: balance 0, asked 5");
    }

    @Test
    @Order(4)
    void aHandlerRetriedWithoutEndBlocksItsConsumerUntilItSucceedsAndTheServerShowsItStuck() throws Exception {
        // given an observer with retries = -1 that fails for now
        StubbornObserver stubborn = new StubbornObserver();
        stubborn.failing.set(true);
        try (EventoBundle stubbornBundle = EventoBundle.builder().bundleId("stubborn").servers(cluster.instance(1).baseUrl()).token(TOKEN)
                .components(StubbornObserver.class).injector(type -> type == StubbornObserver.class ? stubborn : null).start()) {
            String id = newAccount("dee");

            // when two deposits come while it fails
            accounts.invoker(BankInvoker.class).deposit(id, 5);
            accounts.invoker(BankInvoker.class).deposit(id, 6);

            // then it keeps retrying the first, processes nothing after it, parks nothing, and says so
            await().atMost(WAIT).until(() -> stubborn.failures.get() >= 5);
            assertThat(stubborn.noted).isEmpty();
            assertThat(stubbornBundle.deadEvents(StubbornObserver.class)).isEmpty();
            assertThat(stubbornBundle.consumers()).singleElement().satisfies(c -> {
                assertThat(c.retrying()).isNotNull();
                assertThat(c.retrying().eventType()).isEqualTo("MoneyDeposited");
                assertThat(c.retrying().attempts()).isGreaterThanOrEqualTo(5);
                assertThat(c.retrying().error()).contains("the ledger is closed");
                assertThat(c.caughtUp()).isFalse();
            });
            String consumerId = stubbornBundle.consumerId(StubbornObserver.class);
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode consumer = adminGet("/api/consumers/" + URLEncoder.encode(consumerId, StandardCharsets.UTF_8));
                assertThat(consumer.get("retrying").get("attempts").asInt()).isGreaterThanOrEqualTo(2);
                assertThat(consumer.get("retrying").get("error").asText()).contains("the ledger is closed");
                assertThat(consumer.get("caughtUp").asBoolean()).isFalse();
            });

            // when the cause goes away
            stubborn.failing.set(false);

            // then both deposits are noted once, in order, and the consumer is no longer stuck
            await().atMost(WAIT).until(() -> stubborn.noted.size() == 2);
            assertThat(stubborn.noted).containsExactly(id + ":5", id + ":6");
            assertThat(stubbornBundle.consumers().get(0).retrying()).isNull();
            assertThat(stubbornBundle.deadEvents(StubbornObserver.class)).isEmpty();
        }
    }

    @Test
    @Order(5)
    void consumersSeeExactlyTheContextsTheyDeclareInOrderAndAcrossARestart() throws Exception {
        // given a sales bundle whose events name their context and a regions bundle reading eu* and us (two
        // consumers of one observer) and * (another), its consumer state in PostgreSQL
        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(hikari());
             EventoBundle sales = EventoBundle.builder().bundleId("sales").servers(cluster.instance(0).baseUrl()).token(TOKEN)
                     .components(SalesService.class, ShopAggregate.class).start()) {
            JdbcConsumerStateStore store = new JdbcConsumerStateStore(pool);
            RegionalObserver regional = new RegionalObserver();
            EverywhereObserver everywhere = new EverywhereObserver();
            EventoBundle regions = regions(store, regional, everywhere);
            await().atMost(WAIT).until(() -> regions.consumers().size() == 3
                    && regions.consumers().stream().allMatch(BundleRuntime.ConsumerState::caughtUp));
            String tag = UUID.randomUUID().toString().substring(0, 6);

            // when sales happen in eu, us, eu-it, a shop opens (its handler says eu-shops) and a sale names no context
            sales.commandGateway().sendAndWait(new RecordSale(tag + "-1", "eu"));
            sales.commandGateway().sendAndWait(new RecordSale(tag + "-2", "us"));
            sales.commandGateway().sendAndWait(new RecordSale(tag + "-3", "eu-it"));
            sales.commandGateway().sendAndWait(new OpenShop(tag + "-shop"));
            sales.commandGateway().sendAndWait(new RecordSale(tag + "-4", null));

            // then each consumer sees exactly its contexts, in stream order
            await().atMost(WAIT).until(() -> everywhere.seen.size() == 5);
            assertThat(everywhere.seen).containsExactly("eu/" + tag + "-1", "us/" + tag + "-2", "eu-it/" + tag + "-3",
                    "eu-shops/" + tag + "-shop", "default/" + tag + "-4");
            await().atMost(WAIT).until(() -> regional.seen.size() == 4);
            assertThat(regional.seen.stream().filter(s -> s.startsWith("eu")))
                    .containsExactly("eu/" + tag + "-1", "eu-it/" + tag + "-3", "eu-shops/" + tag + "-shop");
            assertThat(regional.seen.stream().filter(s -> !s.startsWith("eu"))).containsExactly("us/" + tag + "-2");
            assertThat(regions.consumers()).extracting(BundleRuntime.ConsumerState::consumerId).containsExactlyInAnyOrder(
                    "regions:RegionalObserver:1:eu*", "regions:RegionalObserver:1:us", "regions:EverywhereObserver:1:*");
            await().atMost(WAIT).untilAsserted(() -> assertThat(adminGet("/api/consumers?bundle=regions").get("items"))
                    .extracting(c -> c.get("context").asText()).containsExactlyInAnyOrder("eu*", "us", "*"));

            // when the regions bundle stops, more sales happen, and it starts again
            regions.close();
            sales.commandGateway().sendAndWait(new RecordSale(tag + "-5", "eu-fr"));
            sales.commandGateway().sendAndWait(new RecordSale(tag + "-6", "us"));
            RegionalObserver regionalAgain = new RegionalObserver();
            EverywhereObserver everywhereAgain = new EverywhereObserver();
            try (EventoBundle again = regions(store, regionalAgain, everywhereAgain)) {
                // then each consumer goes on from its own position: the new events once, nothing again
                await().atMost(WAIT).until(() -> everywhereAgain.seen.size() >= 2 && regionalAgain.seen.size() >= 2);
                Thread.sleep(500);
                assertThat(everywhereAgain.seen).containsExactly("eu-fr/" + tag + "-5", "us/" + tag + "-6");
                assertThat(regionalAgain.seen).containsExactlyInAnyOrder("eu-fr/" + tag + "-5", "us/" + tag + "-6");

                // and an event naming a context that is no name is refused and stores nothing
                assertThatThrownBy(() -> sales.commandGateway().sendAndWait(new RecordSale(tag + "-7", "eu*")))
                        .isInstanceOf(EventoException.class).hasMessageContaining("context").hasMessageContaining("'*'");
                sales.commandGateway().sendAndWait(new RecordSale(tag + "-8", "us"));
                await().atMost(WAIT).until(() -> everywhereAgain.seen.size() == 3);
                assertThat(everywhereAgain.seen).last().isEqualTo("us/" + tag + "-8");
            }
        }
    }

    private EventoBundle regions(JdbcConsumerStateStore store, RegionalObserver regional, EverywhereObserver everywhere) {
        return EventoBundle.builder().bundleId("regions").servers(cluster.instance(1).baseUrl(), cluster.instance(0).baseUrl()).token(TOKEN)
                .components(RegionalObserver.class, EverywhereObserver.class).consumerStateStore(store)
                .injector(type -> type == RegionalObserver.class ? regional : type == EverywhereObserver.class ? everywhere : null)
                .start();
    }

    private com.zaxxer.hikari.HikariConfig hikari() {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(ThrowawayDatabase.user());
        config.setPassword(ThrowawayDatabase.password());
        config.setMaximumPoolSize(4);
        return config;
    }

    @Test
    @Order(6)
    void aPoisonEventGoesToTheDeadEventQueueLaterEventsFlowAndTheRetrySucceeds() {
        // given a projector that fails on deposits of 13
        String id = newAccount("cid");
        views.rejectThirteen.set(true);

        // when 13 then 7 are deposited
        accounts.invoker(BankInvoker.class).deposit(id, 13);
        accounts.invoker(BankInvoker.class).deposit(id, 7);

        // then the 13 is parked after its retries and the 7 is processed
        await().atMost(WAIT).untilAsserted(() -> assertThat(accounts.deadEvents(AccountProjector.class))
                .singleElement().satisfies(dead -> {
                    assertThat(dead.eventType()).isEqualTo("MoneyDeposited");
                    assertThat(dead.error()).contains("13 is unlucky");
                    assertThat(dead.attempts()).isEqualTo(3);
                }));
        await().atMost(WAIT).untilAsserted(() -> assertThat(views.get(id).balance()).isEqualTo(20));

        // when the cause is fixed and the dead event retried
        views.rejectThirteen.set(false);
        DeadEvent dead = accounts.deadEvents(AccountProjector.class).get(0);
        assertThat(accounts.retryDeadEvent(AccountProjector.class, dead.eventId())).isTrue();

        // then it is processed once and leaves the queue
        await().atMost(WAIT).untilAsserted(() -> assertThat(accounts.deadEvents(AccountProjector.class)).isEmpty());
        assertThat(views.applications()).containsEntry(dead.eventId(), 1);
    }

    @Test
    @Order(7)
    void aCutConnectionIsReplacedByOneToTheOtherServerWithoutSkippingOrRepeatingEvents() {
        // given
        String id = newAccount("dan");
        String before = accounts.connection().currentServer();

        // when the network drops the accounts bundle's connection
        accounts.connection().abort();

        // then it registers on the other server and serves commands again
        await().atMost(WAIT).until(() -> accounts.connection().currentServer() != null && !accounts.connection().currentServer().equals(before));
        for (int i = 1; i <= 5; i++) {
            engagement.commandGateway().sendAndWait(new Deposit(id, i));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(views.get(id).balance()).isEqualTo(15));
        assertEveryEventAppliedExactlyOnce();
    }

    @Test
    @Order(8)
    void whenTheServerOfBothBundlesDiesTheyMoveToTheSurvivorAndContinue() {
        // given both bundles on instance 2 now
        String id = newAccount("eve");
        String survivor = cluster.instance(0).baseUrl().replaceFirst("^http", "ws") + "/bus";

        // when instance 2 is killed
        cluster.instance(1).kill();

        // then both reconnect to instance 1 and commands, events and queries flow again
        await().atMost(WAIT).until(() -> survivor.equals(accounts.connection().currentServer())
                && survivor.equals(engagement.connection().currentServer()));
        await().atMost(WAIT).ignoreExceptions().until(() -> engagement.commandGateway().sendAndWait(new Deposit(id, 100)) != null);
        accounts.invoker(BankInvoker.class).deposit(id, 1000);
        await().atMost(WAIT).untilAsserted(() -> assertThat(views.get(id).balance()).isEqualTo(1100));
        await().atMost(WAIT).untilAsserted(() -> assertThat(observer.flagged).contains(id + ":1000"));
        assertEveryEventAppliedExactlyOnce();
    }

    @Test
    @Order(9)
    void aSecondInstanceOfABundleTakesItsConsumersOverOnlyWhenTheFirstStops() {
        // given a second instance of the accounts bundle sharing the consumer state store and read model
        String survivor = cluster.instance(0).baseUrl();
        try (EventoBundle second = EventoBundle.builder().bundleId("accounts").servers(survivor).token(TOKEN)
                .components(AccountAggregate.class, AccountProjector.class, AccountProjection.class, BankInvoker.class)
                .consumerStateStore(accounts.consumerStateStore())
                .injector(type -> type == AccountViews.class ? views : null)
                .catchUpTimeout(Duration.ofSeconds(2))
                .start()) {
            String id = newAccount("fay");
            engagement.commandGateway().sendAndWait(new Deposit(id, 1));
            await().atMost(WAIT).untilAsserted(() -> assertThat(views.get(id).balance()).isEqualTo(1));
            assertEveryEventAppliedExactlyOnce();

            // when the first instance stops
            accounts.close();

            // then the second runs the projector from where the first left off, once per event
            engagement.commandGateway().sendAndWait(new Deposit(id, 2));
            await().atMost(WAIT).untilAsserted(() -> assertThat(views.get(id).balance()).isEqualTo(3));
            assertEveryEventAppliedExactlyOnce();
            accounts = second;
        }
        accounts = null;
    }

    /** The projector applied every stored event of the test's accounts exactly once. */
    /** A GET of the admin API on the first server instance, as the development admin, read as JSON. */
    private JsonNode adminGet(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.instance(0).baseUrl() + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("admin:evento-admin".getBytes(StandardCharsets.UTF_8))).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private void assertEveryEventAppliedExactlyOnce() {
        List<String> stored = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), ThrowawayDatabase.user(), ThrowawayDatabase.password());
             PreparedStatement statement = c.prepareStatement("SELECT event_id FROM evento_event WHERE aggregate_id = ANY(?) AND event_type <> 'AccountClosed'")) {
            statement.setArray(1, c.createArrayOf("text", accountIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(views.applications().keySet()).containsAll(stored));
        assertThat(views.applications().values()).as("no event applied twice").containsOnly(1);
    }
}
