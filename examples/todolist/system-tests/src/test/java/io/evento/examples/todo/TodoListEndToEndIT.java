package io.evento.examples.todo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.payara.database.ThrowawayDatabase;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The TodoList tutorial end to end, as a user runs it: a two-instance Evento cluster, the todo WAR
 * (REST API, JPA read model) and the users WAR each on its own Payara Micro, connected to different
 * server instances, MQTT updates received by a real subscriber. Steps run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TodoListEndToEndIT {

    private static final String TOKEN = "todo-it-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TodoTestSystem system;
    private OtlpReceiver traces;
    private MqttClient subscriber;
    private final List<String[]> mqtt = new CopyOnWriteArrayList<>();
    private String api;

    @BeforeAll
    void start() throws Exception {
        traces = new OtlpReceiver();
        // MicroProfile Telemetry on in both bundle WARs, exporting over OTLP/HTTP to the receiver on loopback
        system = TodoTestSystem.start("end-to-end", TOKEN, Map.of(), Map.of("OTEL_SDK_DISABLED", "false",
                "OTEL_TRACES_EXPORTER", "otlp", "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint(), "OTEL_BSP_SCHEDULE_DELAY", "200",
                "OTEL_METRICS_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "none"));
        try {
            subscriber = new MqttClient(io.evento.payara.services.TestServices.mqtt().url(), "todo-it-" + System.nanoTime(), new MemoryPersistence());
            subscriber.connect();
            subscriber.subscribe("todo/lists/#", 1, (topic, message) ->
                    mqtt.add(new String[]{topic, new String(message.getPayload(), StandardCharsets.UTF_8)}));
            api = system.api();
        } catch (Exception e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        TodoTestSystem.quietly(system);
        TodoTestSystem.quietly(traces);
        try {
            if (subscriber != null) {
                subscriber.disconnect();
            }
        } catch (Exception e) {
            // broker gone
        }
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply call(String method, String path, String body) {
        return call(api, method, path, body);
    }

    private Reply call(String base, String method, String path, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String createList(String name, String owner) {
        Reply created = call("POST", "/lists", "{\"name\":\"" + name + "\",\"owner\":\"" + owner + "\"}");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("listId").asText();
    }

    private List<String> mqttFor(String listId) {
        return mqtt.stream().filter(m -> m[0].equals("todo/lists/" + listId)).map(m -> m[1]).toList();
    }

    @Test
    @Order(1)
    void aListLivesThroughTheRestApiAndEveryChangeIsPublishedOnMqtt() {
        // create, add two items, check one, remove the other
        String list = createList("groceries", "ann");
        String milk = call("POST", "/lists/" + list + "/items", "{\"text\":\"milk\"}").body().get("itemId").asText();
        String bread = call("POST", "/lists/" + list + "/items", "{\"text\":\"bread\"}").body().get("itemId").asText();
        assertThat(call("POST", "/lists/" + list + "/items/" + milk + "/check", null).status()).isEqualTo(204);
        assertThat(call("DELETE", "/lists/" + list + "/items/" + bread, null).status()).isEqualTo(204);

        // the read model answers the queries
        await().atMost(WAIT).untilAsserted(() -> {
            Reply view = call("GET", "/lists/" + list, null);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.body().get("name").asText()).isEqualTo("groceries");
            assertThat(view.body().get("items")).hasSize(1);
            assertThat(view.body().get("items").get(0).get("itemId").asText()).isEqualTo(milk);
            assertThat(view.body().get("items").get(0).get("checked").asBoolean()).isTrue();
        });
        Reply search = call("GET", "/lists?name=ROCER&page=0&size=10", null);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body().findValuesAsText("listId")).contains(list);
        assertThat(search.body().get(0).get("checked").asInt()).isEqualTo(1);

        // MQTT saw each change after it was saved: created, +milk, +bread, checked, -bread
        await().atMost(WAIT).untilAsserted(() -> assertThat(mqttFor(list)).hasSize(5));
        List<String> updates = mqttFor(list);
        assertThat(updates.get(1)).contains("milk").doesNotContain("bread");
        assertThat(updates.get(4)).contains("\"checked\":true").doesNotContain("bread");

        // deleting the list removes it
        assertThat(call("DELETE", "/lists/" + list, null).status()).isEqualTo(204);
        await().atMost(WAIT).untilAsserted(() -> assertThat(call("GET", "/lists/" + list, null).status()).isEqualTo(404));
        await().atMost(WAIT).untilAsserted(() -> assertThat(mqttFor(list).get(mqttFor(list).size() - 1)).contains("\"deleted\":true"));
    }

    @Test
    @Order(2)
    void ruleViolationsAndBadRequestsGet4xxWithAClearMessage() {
        Reply noName = call("POST", "/lists", "{\"name\":\"  \",\"owner\":\"ann\"}");
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.body().get("detail").asText()).contains("the list name must not be empty");

        String list = createList("chores", "ann");
        Reply unknownItem = call("POST", "/lists/" + list + "/items/nope/check", null);
        assertThat(unknownItem.status()).isEqualTo(422);
        assertThat(unknownItem.body().get("detail").asText()).contains("no item nope on the list");

        String item = call("POST", "/lists/" + list + "/items", "{\"text\":\"dishes\"}").body().get("itemId").asText();
        call("POST", "/lists/" + list + "/items/" + item + "/check", null);
        Reply twice = call("POST", "/lists/" + list + "/items/" + item + "/check", null);
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body().get("detail").asText()).contains("already checked");

        call("DELETE", "/lists/" + list, null);
        Reply onDeleted = call("POST", "/lists/" + list + "/items", "{\"text\":\"late\"}");
        assertThat(onDeleted.status()).isEqualTo(410);
        assertThat(onDeleted.body().get("code").asText()).isEqualTo("AGGREGATE_DELETED");

        Reply badJson = call("POST", "/lists/" + list + "/items", "{\"text\":\"no\"");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.body().get("code").asText()).isEqualTo("INVALID_JSON");
        assertThat(badJson.body().get("detail").asText()).matches("the body is not valid JSON \\(line 1, column \\d+\\)");
        for (String body : List.of("{\"userId\":\"zed\",\"name\":\"Zed\",\"maxLists\":\"3\"}",
                "{\"userId\":\"zed\",\"name\":\"Zed\",\"maxLists\":2.7}")) {
            Reply typed = call("POST", "/users", body);
            assertThat(typed.status()).as(body).isEqualTo(400);
            assertThat(typed.body().get("detail").asText()).startsWith("\"maxLists\" must be a whole number");
        }
        Reply blankUser = call("POST", "/users", "{\"userId\":\" \",\"name\":\"Nobody\",\"maxLists\":1}");
        assertThat(blankUser.status()).isEqualTo(400);
        assertThat(blankUser.body().get("detail").asText()).isEqualTo("\"userId\" must not be blank");
        assertThat(call("POST", "/lists", "{\"name\":42}").status()).isEqualTo(400);
        assertThat(call("GET", "/lists?size=500", null).status()).isEqualTo(400);
        assertThat(call("GET", "/nothing", null).status()).isEqualTo(404);
        assertThat(call("POST", "/lists/unknown-list/items", "{\"text\":\"x\"}").status()).isEqualTo(404);
        String sqlish = "x'); DROP TABLE todo_list; --";
        assertThat(call("GET", "/lists/" + encode(sqlish), null).status()).isEqualTo(404);
        assertThat(call("GET", "/lists?name=" + encode(sqlish), null).body()).isEmpty();
        String odd = createList("x'); DROP TABLE todo_list; --", "mallory");
        await().atMost(WAIT).untilAsserted(() -> assertThat(call("GET", "/lists/" + odd, null).body().get("name").asText())
                .isEqualTo(sqlish));
        assertThat(call("GET", "/lists?name=" + encode("DROP TABLE"), null).body()).hasSize(1);
    }

    @Test
    @Order(3)
    void theQuotaSagaKeepsAUserWithinTheirListQuotaAcrossTheTwoBundles() {
        // given a user allowed one list
        assertThat(call("POST", "/users", "{\"userId\":\"bob\",\"name\":\"Bob\",\"maxLists\":1}").status()).isEqualTo(201);
        String first = createList("bob's first", "bob");

        // when a second list is created
        String second = createList("bob's second", "bob");

        // then the saga deletes it again (compensation) and the audit shows why
        await().atMost(WAIT).untilAsserted(() -> assertThat(call("GET", "/lists/" + second, null).status()).isEqualTo(404));
        await().atMost(WAIT).untilAsserted(() -> assertThat(call("GET", "/lists/" + second + "/audit", null).body().toString())
                .contains("list deleted: list quota exceeded: quota of 1 lists reached"));
        assertThat(call("GET", "/lists/" + first, null).status()).isEqualTo(200);

        // and deleting the first frees the slot for a new one
        call("DELETE", "/lists/" + first, null);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String third = createList("bob's third", "bob");
            Thread.sleep(1500);
            assertThat(call("GET", "/lists/" + third, null).status()).isEqualTo(200);
        });
    }

    @Test
    @Order(4)
    void oneRestCallOverTheQuotaIsOneTraceAcrossBothBundlesAndBothServerInstances() {
        // given a user allowed one list, who has it
        assertThat(call("POST", "/users", "{\"userId\":\"tess\",\"name\":\"Tess\",\"maxLists\":1}").status()).isEqualTo(201);
        createList("tess's first", "tess");

        // when one REST call creates a second list, which the saga (users bundle, other server) compensates
        String second = createList("tess's second", "tess");
        await().atMost(WAIT).untilAsserted(() -> assertThat(call("GET", "/lists/" + second + "/audit", null).body().toString())
                .contains("list quota exceeded"));

        // then the spans of that call's trace cover every handler on the way, each the child of the one that caused it
        await().atMost(WAIT).untilAsserted(() -> assertThat(trace(second)).extracting(OtlpReceiver.ReceivedSpan::name)
                .contains("AuditService RecordAudit"));
        List<OtlpReceiver.ReceivedSpan> trace = trace(second);
        OtlpReceiver.ReceivedSpan invoker = only(trace, "TodoInvoker createList");
        OtlpReceiver.ReceivedSpan create = only(trace, "TodoListAggregate CreateTodoList");
        OtlpReceiver.ReceivedSpan projector = only(trace, "TodoListProjector TodoListCreated");
        OtlpReceiver.ReceivedSpan saga = only(trace, "ListQuotaSaga TodoListCreated");
        OtlpReceiver.ReceivedSpan reserve = only(trace, "UserAggregate ReserveListSlot");
        OtlpReceiver.ReceivedSpan delete = only(trace, "TodoListAggregate DeleteTodoList");
        OtlpReceiver.ReceivedSpan audit = only(trace, "AuditObserver TodoListDeleted");
        OtlpReceiver.ReceivedSpan record = only(trace, "AuditService RecordAudit");
        assertThat(create.parentId()).isEqualTo(invoker.spanId());
        assertThat(projector.parentId()).isEqualTo(create.spanId());
        assertThat(saga.parentId()).isEqualTo(create.spanId());
        assertThat(reserve.parentId()).isEqualTo(saga.spanId());
        assertThat(delete.parentId()).isEqualTo(saga.spanId());
        assertThat(audit.parentId()).isEqualTo(delete.spanId());
        assertThat(record.parentId()).isEqualTo(audit.spanId());
        assertThat(reserve.error()).as("the quota violation is recorded on the span").isTrue();
        assertThat(List.of(invoker, create, projector, delete)).extracting(OtlpReceiver.ReceivedSpan::service).containsOnly("todo-1");
        assertThat(List.of(saga, reserve, audit, record)).extracting(OtlpReceiver.ReceivedSpan::service).containsOnly("users-1");
        assertThat(create.attributes()).containsEntry("evento.aggregate.id", second).containsEntry("evento.bundle", "todo");
        assertThat(trace).extracting(s -> s.attributes().get("evento.correlation.id")).filteredOn(java.util.Objects::nonNull)
                .as("one correlation id through the trace").hasSizeGreaterThanOrEqualTo(7).containsOnly(create.attributes().get("evento.correlation.id"));
    }

    /** Every span of the trace in which the list's aggregate was created. */
    private List<OtlpReceiver.ReceivedSpan> trace(String listId) {
        String traceId = traces.spans().stream().filter(s -> s.name().equals("TodoListAggregate CreateTodoList")
                && listId.equals(s.attributes().get("evento.aggregate.id"))).map(OtlpReceiver.ReceivedSpan::traceId).findFirst().orElse("none");
        return traces.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private static OtlpReceiver.ReceivedSpan only(List<OtlpReceiver.ReceivedSpan> trace, String name) {
        List<OtlpReceiver.ReceivedSpan> named = trace.stream().filter(s -> s.name().equals(name)).toList();
        assertThat(named).as(name + " in " + trace.stream().map(OtlpReceiver.ReceivedSpan::name).toList()).hasSize(1);
        return named.get(0);
    }

    @Test
    @Order(5)
    void theAuditObserverRecordsChecksThroughTheAuditService() {
        String list = createList("audited", "carol");
        String item = call("POST", "/lists/" + list + "/items", "{\"text\":\"taxes\"}").body().get("itemId").asText();
        call("POST", "/lists/" + list + "/items/" + item + "/check", null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(call("GET", "/lists/" + list + "/audit", null).body().findValuesAsText("entry"))
                .containsExactly("item " + item + " checked"));
    }

    @Test
    @Order(6)
    void restartingTheTodoBundleDoesNotReplayIntoDuplicates() throws Exception {
        // given a settled read model
        String list = createList("restart me", "dan");
        call("POST", "/lists/" + list + "/items", "{\"text\":\"one\"}");
        await().atMost(WAIT).untilAsserted(() -> assertThat(mqttFor(list)).hasSize(2));
        int published = mqtt.size();

        // when the todo WAR's Payara Micro restarts (same instance id, same consumer state)
        system.stopBundle("todo-1");
        system.startBundle("todo", 1);

        // then nothing is replayed: no update is published until a new change, and the list is intact
        Thread.sleep(3000);
        assertThat(mqtt).hasSize(published);
        call("POST", "/lists/" + list + "/items", "{\"text\":\"two\"}");
        await().atMost(WAIT).untilAsserted(() -> assertThat(call("GET", "/lists/" + list, null).body().get("items")).hasSize(2));
        await().atMost(WAIT).untilAsserted(() -> assertThat(mqtt).hasSize(published + 1));
        Thread.sleep(1000);
        assertThat(mqtt).hasSize(published + 1);
        assertThat(mqttFor(list).get(2)).contains("one").contains("two");
    }

    @Test
    @Order(7)
    void droppingTheReadModelAndResettingThePositionRebuildsTheSameReadModel() throws Exception {
        // given the read model as it is
        String before = call("GET", "/lists?page=0&size=100", null).body().toString();
        assertThat(before).isNotEqualTo("[]");

        // when the bundle stops, the read model's tables are dropped and the projector's position reset
        system.stopBundle("todo-1");
        org.postgresql.ds.PGSimpleDataSource database = new org.postgresql.ds.PGSimpleDataSource();
        database.setURL(system.todoDatabase.jdbcUrl());
        database.setUser(ThrowawayDatabase.user());
        database.setPassword(ThrowawayDatabase.password());
        try (Connection c = database.getConnection(); Statement statement = c.createStatement()) {
            // the tutorial's SQL (step 14)
            statement.execute("DROP TABLE todo_item; DROP TABLE todo_list; "
                    + "UPDATE evento_consumer SET position = '0.0' WHERE consumer_id = 'todo:TodoListProjector:1:*'");
        }
        system.startBundle("todo", 1);

        // then the replayed read model is the same
        await().atMost(WAIT).untilAsserted(() -> assertThat(call("GET", "/lists?page=0&size=100", null).body().toString()).isEqualTo(before));
    }

    @Test
    @Order(8)
    void aSecondTodoInstanceTakesOverFromAKilledOneWithoutLosingOrRepeatingAnEvent() {
        // given a second instance of the todo bundle, and a list
        String second = system.startBundle("todo", 2).baseUrl();
        Reply created = call(second, "POST", "/lists", "{\"name\":\"crash test\",\"owner\":\"eve\"}");
        assertThat(created.status()).isEqualTo(201);
        String list = created.body().get("listId").asText();

        // when items are added through the second instance while the first one is killed (kill -9) midway
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            if (i == 10) {
                system.bundle("todo-1").kill();
            }
            Reply item = call(second, "POST", "/lists/" + list + "/items", "{\"text\":\"item " + i + "\"}");
            if (item.status() == 201) {
                added.add(item.body().get("itemId").asText());
            }
        }

        // then every added item is in the read model exactly once, and the projector still moves
        assertThat(added).hasSizeGreaterThanOrEqualTo(30);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Reply view = call(second, "GET", "/lists/" + list, null);
            assertThat(view.status()).isEqualTo(200);
            List<String> items = StreamSupport.stream(view.body().get("items").spliterator(), false)
                    .map(item -> item.get("itemId").asText()).toList();
            assertThat(items).doesNotHaveDuplicates().containsAll(added);
        });
        Reply late = call(second, "POST", "/lists/" + list + "/items", "{\"text\":\"after the crash\"}");
        assertThat(late.status()).isEqualTo(201);
        String lateItem = late.body().get("itemId").asText();
        await().atMost(WAIT).untilAsserted(() -> assertThat(call(second, "GET", "/lists/" + list, null).body().toString())
                .contains(lateItem));
    }
}
