package io.evento.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.evento.protocol.frame.Ack;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.ConsumerAction;
import io.evento.protocol.frame.ConsumerReport;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.PayloadInfo;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.json.RawJson;
import io.evento.server.testing.BusClient;
import io.evento.server.testing.FakeHandlers;
import io.evento.server.testing.Http;
import io.evento.server.testing.SharedCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin API on the shared two-instance cluster, with fake bundles speaking the raw protocol:
 * authentication and roles, every endpoint's answers, paging and filtering, bad parameters.
 */
@ExtendWith(SharedCluster.class)
class AdminApiIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SQLISH = "x'); DROP TABLE evento_event; --";
    private final List<BusClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(BusClient::close);
    }

    private static String url(int instance, String path) {
        return SharedCluster.instance(instance).baseUrl() + "/api/" + path;
    }

    private static Http.Response get(String path) {
        return Http.get(url(0, path), SharedCluster.VIEWER);
    }

    private static String serverInstanceId(int instance) {
        return Http.get(url(instance, "cluster"), SharedCluster.VIEWER).json().get("instanceId").asText();
    }

    private static String unique(String name) {
        return name + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private BusClient bundle(int instance, String bundleId, List<ComponentInfo> components, List<PayloadInfo> payloads) {
        BusClient client = BusClient.register(SharedCluster.instance(instance).baseUrl(), SharedCluster.TOKEN, bundleId,
                "i-" + UUID.randomUUID(), components, payloads, 0).keepAlive(Duration.ofMillis(300));
        clients.add(client);
        return client;
    }

    private static SendCommand command(String type, String aggregateId) {
        return new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, type, RawJson.of("{\"n\":1}"), null, aggregateId,
                null, 10_000, "AdminInvoker");
    }

    @Nested
    class Authentication {

        @ParameterizedTest
        @ValueSource(strings = {"status", "cluster", "catalog/payloads", "catalog/components", "catalog/bundles", "store/head",
                "store/events", "store/snapshots", "consumers", "telemetry/handlers", "flows", "graph", "auth/me"})
        void everyEndpointNeedsACaller(String path) {
            // when
            Http.Response anonymous = Http.get(url(0, path), null);

            // then
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
            assertThat(anonymous.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(Http.get(url(0, path), SharedCluster.VIEWER).status()).isEqualTo(200);
        }

        @ParameterizedTest
        @ValueSource(strings = {"PUT catalog/payloads/X/description", "PUT catalog/components/b/C/description",
                "PUT catalog/bundles/b/description", "POST consumers/b:C:1:*/dead-events/e/retry",
                "POST consumers/b:C:1:*/dead-events/e/discard", "PUT consumers/b:C:1:*/position"})
        void everyActionNeedsAnAdmin(String action) {
            // given
            String method = action.substring(0, action.indexOf(' '));
            String path = action.substring(action.indexOf(' ') + 1).replace("*", "%2A");
            String body = path.endsWith("position") ? "{\"position\":\"0.0\"}" : "{\"description\":\"x\"}";

            // when / then: anonymous 401, a viewer (user or token) 403, before anything is looked up
            assertThat(Http.call(method, url(0, path), body, null).status()).isEqualTo(401);
            Http.Response viewer = Http.call(method, url(0, path), body, SharedCluster.VIEWER);
            assertThat(viewer.status()).isEqualTo(403);
            assertThat(viewer.json().get("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(Http.call(method, url(1, path), body, Http.bearer(SharedCluster.VIEWER_TOKEN)).status()).isEqualTo(403);
            // and an admin gets past the check (404: nothing of that name exists)
            assertThat(Http.call(method, url(0, path), body, SharedCluster.ADMIN).status()).isEqualTo(404);
        }

        @Test
        void healthStaysPublic() {
            assertThat(Http.get(SharedCluster.instance(0).baseUrl() + "/health/ready", null).status()).isEqualTo(200);
        }

        @Test
        void wrongCredentialsAndMalformedHeadersAreRefused() {
            for (String authorization : List.of(Http.basic("root", "wrong"), Http.basic("nobody", SharedCluster.ADMIN_PASSWORD),
                    "Basic not-base64!", "Bearer made-up", "Bearer v1.YWRh.ADMIN.99999999999.Zm9yZ2Vk", "Digest abc", "")) {
                Http.Response refused = Http.get(url(0, "status"), authorization);
                assertThat(refused.status()).as(authorization).isEqualTo(401);
                assertThat(refused.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
            }
        }

        @Test
        void failedLoginsAreCountedAcrossTheCluster() {
            // given five wrong passwords for one name on each instance
            String name = unique("spreader");
            for (int i = 0; i < 10; i++) {
                assertThat(Http.call("POST", url(i % 2, "auth/login"), "{\"user\":\"" + name + "\",\"password\":\"p" + i + "\"}", null)
                        .status()).isEqualTo(401);
            }

            // when / then the instance that saw the tenth failure refuses the name, the other one after its next failure
            assertThat(Http.call("POST", url(1, "auth/login"), "{\"user\":\"" + name + "\",\"password\":\"p\"}", null).status())
                    .isEqualTo(429);
            assertThat(Http.call("POST", url(0, "auth/login"), "{\"user\":\"" + name + "\",\"password\":\"p\"}", null).status())
                    .isEqualTo(401);
            assertThat(Http.call("POST", url(0, "auth/login"), "{\"user\":\"" + name + "\",\"password\":\"p\"}", null).status())
                    .isEqualTo(429);
        }

        @Test
        void repeatedFailedLoginsForANameAreThrottled() {
            // given ten wrong passwords for one name on the first instance
            String name = unique("guesser");
            for (int i = 0; i < 10; i++) {
                assertThat(Http.call("POST", url(0, "auth/login"), "{\"user\":\"" + name + "\",\"password\":\"p" + i + "\"}", null).status())
                        .isEqualTo(401);
            }

            // when / then the eleventh is refused for a while, through login and Basic alike
            Http.Response throttled = Http.call("POST", url(0, "auth/login"), "{\"user\":\"" + name + "\",\"password\":\"p\"}", null);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.json().get("code").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
            assertThat(Http.get(url(0, "status"), Http.basic(name, "p")).status()).isEqualTo(429);
            // and other names are not affected
            assertThat(Http.get(url(0, "status"), SharedCluster.VIEWER).status()).isEqualTo(200);
        }

        @Test
        void aLoginGivesASessionTokenThatEveryInstanceAccepts() {
            // when
            Http.Response login = Http.call("POST", url(0, "auth/login"),
                    "{\"user\":\"watcher\",\"password\":\"" + SharedCluster.VIEWER_PASSWORD + "\"}", null);

            // then
            assertThat(login.status()).isEqualTo(200);
            String token = login.json().get("token").asText();
            assertThat(login.json().get("role").asText()).isEqualTo("viewer");
            Http.Response me = Http.get(url(1, "auth/me"), Http.bearer(token));
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("user").asText()).isEqualTo("watcher");
            String tampered = token.substring(0, token.lastIndexOf('.') - 1) + (token.charAt(token.lastIndexOf('.') - 1) == '1' ? "2" : "1")
                    + token.substring(token.lastIndexOf('.'));
            assertThat(Http.get(url(1, "auth/me"), Http.bearer(tampered)).status()).isEqualTo(401);
        }

        @Test
        void aWrongLoginOrAMalformedOneIsRefused() {
            assertThat(Http.call("POST", url(0, "auth/login"), "{\"user\":\"root\",\"password\":\"nope\"}", null).status()).isEqualTo(401);
            assertThat(Http.call("POST", url(0, "auth/login"), "{\"user\":\"root\"}", null).status()).isEqualTo(400);
            assertThat(Http.call("POST", url(0, "auth/login"), "not json", null).status()).isEqualTo(400);
        }

        @Test
        void aViewerReadsButCannotActAndAnAdminTokenCan() {
            // given a registered bundle
            String bundleId = unique("roles");
            bundle(0, bundleId, List.of(FakeHandlers.aggregate("RoleAggregate", unique("DoIt"))), List.of());
            await().atMost(WAIT).until(() -> get("catalog/bundles/" + bundleId).status() == 200);
            String path = "catalog/bundles/" + bundleId + "/description";

            // when / then
            Http.Response refused = Http.call("PUT", url(0, path), "{\"description\":\"by a viewer\"}", SharedCluster.VIEWER);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(Http.call("PUT", url(0, path), "{\"description\":\"by a viewer token\"}", Http.bearer(SharedCluster.VIEWER_TOKEN))
                    .status()).isEqualTo(403);
            Http.Response done = Http.call("PUT", url(1, path), "{\"description\":\"by the admin token\"}",
                    Http.bearer(SharedCluster.ADMIN_TOKEN));
            assertThat(done.status()).isEqualTo(200);
            assertThat(get("catalog/bundles/" + bundleId).json().get("description").asText()).isEqualTo("by the admin token");
        }
    }

    @Nested
    class Catalogs {

        @Test
        void aRegistrationFillsThePayloadComponentAndBundleCatalogs() {
            // given a bundle registering an aggregate with a described, schema'd command
            String bundleId = unique("shop");
            String command = unique("PlaceOrder");
            bundle(1, bundleId, List.of(FakeHandlers.aggregate("OrderAggregate", command)),
                    List.of(new PayloadInfo(command, MessageKind.DOMAIN_COMMAND, "orders",
                            RawJson.of("{\"type\":\"object\",\"properties\":{\"orderId\":{\"type\":\"string\"}}}"), "places an order")));

            // when / then: the payload, with schema and handler, read on the other instance
            await().atMost(WAIT).until(() -> get("catalog/payloads/" + command).status() == 200);
            JsonNode payload = get("catalog/payloads/" + command).json();
            assertThat(payload.get("kind").asText()).isEqualTo("DOMAIN_COMMAND");
            assertThat(payload.get("domain").asText()).isEqualTo("orders");
            assertThat(payload.get("description").asText()).isEqualTo("places an order");
            assertThat(payload.get("schema").get("properties").has("orderId")).isTrue();
            assertThat(payload.get("handledBy").get(0).get("component").asText()).isEqualTo("OrderAggregate");
            // the event the handler returns is in the catalog, sent by the aggregate
            JsonNode event = get("catalog/payloads/" + command + "Done").json();
            assertThat(event.get("sentBy").get(0).get("component").asText()).isEqualTo("OrderAggregate");
            // the component and the bundle, with its connected instance on instance 2
            JsonNode component = get("catalog/components/" + bundleId + "/OrderAggregate").json();
            assertThat(component.get("kind").asText()).isEqualTo("AGGREGATE");
            assertThat(component.get("handlers").get(0).get("returns").asText()).isEqualTo(command + "Done");
            JsonNode bundle = get("catalog/bundles/" + bundleId).json();
            assertThat(bundle.get("instances")).hasSize(1);
            assertThat(bundle.get("instances").get(0).get("server").asText()).isEqualTo(serverInstanceId(1));
        }

        @Test
        void listsArePagedAndFiltered() {
            // given three components of one bundle
            String bundleId = unique("paging");
            bundle(0, bundleId, List.of(FakeHandlers.aggregate("A1", unique("C")), FakeHandlers.service("S1", unique("C")),
                    FakeHandlers.projection("P1", unique("Q"))), List.of());
            await().atMost(WAIT).until(() -> get("catalog/components?bundle=" + bundleId).json().get("total").asInt() == 3);

            // when
            JsonNode first = get("catalog/components?bundle=" + bundleId + "&size=2&page=0").json();
            JsonNode second = get("catalog/components?bundle=" + bundleId + "&size=2&page=1").json();
            JsonNode services = get("catalog/components?bundle=" + bundleId + "&kind=service").json();

            // then
            assertThat(first.get("items")).hasSize(2);
            assertThat(first.get("total").asInt()).isEqualTo(3);
            assertThat(second.get("items")).hasSize(1);
            assertThat(services.get("items")).hasSize(1);
            assertThat(services.get("items").get(0).get("name").asText()).isEqualTo("S1");
            // SQL-ish text is only text: it matches no component (other tests register SQL-ish names, hence the suffix)
            assertThat(get("catalog/components?q=" + encode(SQLISH + unique(""))).json().get("total").asInt()).isZero();
            assertThat(get("catalog/components?bundle=" + encode(SQLISH)).json().get("total").asInt()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"catalog/payloads?page=-1", "catalog/payloads?size=0", "catalog/payloads?size=501",
                "catalog/payloads?size=abc", "catalog/payloads?kind=NOPE", "catalog/components?kind=" + "x%27%3B", "consumers?kind=aggregate",
                "consumers?dead=maybe", "telemetry/handlers?minutes=0", "telemetry/handlers?minutes=999999", "telemetry/series?bundle=a",
                "store/events?after=abc", "store/events?limit=0", "store/events?before=1.x", "store/aggregates/a?after=-1",
                "store/events?from=yesterday", "store/events?to=2026-13-01T00:00:00Z", "store/events?contains=%5B1%5D",
                "store/events?contains=%7Bbad", "store/events?contains=%22text%22",
                "store/events?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z",
                "flows?minutes=-5", "graph?minutes=lots", "catalog/bundles?page=1.5"})
        void badParametersGet400WithAClearMessage(String path) {
            Http.Response bad = get(path);
            assertThat(bad.status()).as(path + " " + bad.body()).isEqualTo(400);
            assertThat(bad.json().get("code").asText()).isEqualTo("INVALID_REQUEST");
            assertThat(bad.json().get("detail").asText()).isNotBlank();
        }

        @ParameterizedTest
        @ValueSource(strings = {"catalog/payloads?q=%s&domain=%s", "catalog/components?q=%s&bundle=%s", "catalog/bundles?q=%s",
                "store/events?type=%s&context=%s", "store/events?aggregate=%s", "store/aggregates/%s", "store/snapshots?q=%s", "consumers?q=%s&bundle=%s",
                "telemetry/handlers?q=%s&bundle=%s", "telemetry/series?bundle=%s&component=%s&payloadType=%s", "flows?q=%s",
                "flows/%s", "catalog/payloads/%s", "consumers/%s"})
        void sqlIshTextInAnyParameterIsOnlyText(String template) {
            // when every text parameter carries SQL
            String path = template.replace("%s", encode(SQLISH + unique("")));
            Http.Response answer = get(path);

            // then it is an empty answer or a 404, never a failure, and the events are still there
            assertThat(answer.status()).as(path + " " + answer.body()).isIn(200, 404);
            if (answer.status() == 200) {
                assertThat(answer.body()).doesNotContain("\"eventId\"").doesNotContain("\"name\":\"x')");
            } else {
                assertThat(answer.json().get("code").asText()).isEqualTo("NOT_FOUND");
            }
            assertThat(get("store/head").status()).isEqualTo(200);
        }

        @Test
        void unknownEntriesAre404() {
            for (String path : List.of("catalog/payloads/" + unique("Nope"), "catalog/components/x/" + unique("Nope"),
                    "catalog/bundles/" + encode(SQLISH), "store/aggregates/" + unique("nope"), "store/events/" + unique("nope"),
                    "consumers/" + unique("nope"), "flows/" + unique("Nope"))) {
                Http.Response missing = get(path);
                assertThat(missing.status()).as(path).isEqualTo(404);
                assertThat(missing.json().get("code").asText()).isEqualTo("NOT_FOUND");
            }
        }

        @Test
        void descriptionsAreStoredVerbatimAndLimited() {
            String bundleId = unique("described");
            String command = unique("Describe");
            bundle(0, bundleId, List.of(FakeHandlers.aggregate("DescribedAggregate", command)), List.of());
            await().atMost(WAIT).until(() -> get("catalog/payloads/" + command).status() == 200);

            Http.Response saved = Http.call("PUT", url(0, "catalog/payloads/" + command + "/description"),
                    "{\"description\":\"" + SQLISH + "\"}", SharedCluster.ADMIN);
            assertThat(saved.status()).isEqualTo(200);
            assertThat(get("catalog/payloads/" + command).json().get("description").asText()).isEqualTo(SQLISH);
            Http.Response component = Http.call("PUT", url(1, "catalog/components/" + bundleId + "/DescribedAggregate/description"),
                    "{\"description\":\"keeps orders\"}", SharedCluster.ADMIN);
            assertThat(component.json().get("description").asText()).isEqualTo("keeps orders");
            assertThat(Http.call("PUT", url(0, "catalog/payloads/" + command + "/description"),
                    "{\"description\":\"" + "x".repeat(4001) + "\"}", SharedCluster.ADMIN).status()).isEqualTo(400);
            assertThat(Http.call("PUT", url(0, "catalog/payloads/" + command + "/description"), "[]", SharedCluster.ADMIN).status())
                    .isEqualTo(400);
            assertThat(Http.call("PUT", url(0, "catalog/payloads/" + unique("Nope") + "/description"),
                    "{\"description\":\"x\"}", SharedCluster.ADMIN).status()).isEqualTo(404);
        }
    }

    @Nested
    class ClusterStatus {

        @Test
        void bothInstancesAreReadyWithTheirBundleConnections() {
            // given
            String bundleId = unique("status");
            bundle(1, bundleId, List.of(FakeHandlers.aggregate("StatusAggregate", unique("C"))), List.of());

            // when / then
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode status = Http.get(url(0, "status"), SharedCluster.VIEWER).json();
                assertThat(status.get("members")).hasSize(2);
                for (JsonNode member : status.get("members")) {
                    assertThat(member.get("ready").asBoolean()).as(member.toString()).isTrue();
                    assertThat(member.get("inCluster").asBoolean()).isTrue();
                }
                JsonNode second = find(status.get("members"), "instanceId", serverInstanceId(1));
                assertThat(second.get("bundles").toString()).contains(bundleId);
                assertThat(status.get("store").get("schemaVersion").asText()).isEqualTo(String.valueOf(SharedCluster.database()
                        .queryLong("SELECT max(version::int) FROM evento_schema_history WHERE success")));
            });
        }
    }

    @Nested
    class StateStore {

        @Test
        void eventsAreBrowsedByTypeAndPositionAndByAggregate() {
            // given three commands on two aggregates
            String type = unique("Note");
            bundle(0, unique("notes"), List.of(FakeHandlers.aggregate("NoteAggregate", type)), List.of())
                    .respondWith(FakeHandlers.countingAggregate(new AtomicInteger()));
            BusClient caller = bundle(1, unique("caller"), List.of(new ComponentInfo("AdminInvoker", ComponentKind.INVOKER, 1, List.of(), null)),
                    List.of());
            String a = unique("note-a");
            for (String aggregate : List.of(a, a, unique("note-b"))) {
                assertThat(caller.request(command(type, aggregate), WAIT)).isInstanceOf(CommandResult.class);
            }

            // when / then: by type
            await().atMost(WAIT).until(() -> get("store/events?type=" + type + "Done&limit=10").json().get("events").size() == 3);
            JsonNode page = get("store/events?type=" + type + "Done&limit=2").json();
            assertThat(page.get("events")).hasSize(2);
            assertThat(page.get("more").asBoolean()).isTrue();
            assertThat(page.get("events").get(0).get("payload").get("command").get("n").asInt()).isEqualTo(1);
            JsonNode rest = get("store/events?type=" + type + "Done&limit=10&after=" + page.get("next").asText()).json();
            assertThat(rest.get("events")).hasSize(1);
            // a position range ending before the second event
            String firstPosition = page.get("events").get(0).get("position").asText();
            String secondPosition = page.get("events").get(1).get("position").asText();
            JsonNode range = get("store/events?type=" + type + "Done&before=" + secondPosition).json();
            assertThat(range.get("events")).hasSize(1);
            assertThat(range.get("events").get(0).get("position").asText()).isEqualTo(firstPosition);
            // by aggregate
            JsonNode aggregate = get("store/aggregates/" + a).json();
            assertThat(aggregate.get("lastSequence").asInt()).isEqualTo(2);
            assertThat(aggregate.get("events")).hasSize(2);
            assertThat(get("store/aggregates/" + a + "?after=1").json().get("events")).hasSize(1);
            // one event and the head
            String eventId = page.get("events").get(0).get("eventId").asText();
            assertThat(get("store/events/" + eventId).json().get("aggregateId").asText()).isEqualTo(a);
            assertThat(get("store/head").json().get("mode").asText()).isNotBlank();
            assertThat(get("store/snapshots?q=" + encode(SQLISH)).json().get("total").asInt()).isZero();
        }
    }

    @Nested
    class StateStoreSearch {

        @Test
        void findsEventsByAggregateContextTimeAndPayloadThroughEitherInstance() {
            // given three commands on two aggregates, one carrying SQL-ish text
            String type = unique("Memo");
            bundle(0, unique("memos"), List.of(FakeHandlers.aggregate("MemoAggregate", type)), List.of())
                    .respondWith(FakeHandlers.countingAggregate(new AtomicInteger()));
            BusClient caller = bundle(1, unique("caller"), List.of(new ComponentInfo("AdminInvoker", ComponentKind.INVOKER, 1, List.of(), null)),
                    List.of());
            String a = unique("memo-a");
            String b = unique("memo-b");
            String note = SQLISH + unique("");
            String noteJson = "\"" + note.replace("'", "\\u0027") + "\"";
            for (String[] sent : new String[][]{{a, "{\"note\":\"plain\"}"}, {a, "{\"note\":" + noteJson + "}"}, {b, "{\"note\":\"plain\"}"}}) {
                SendCommand command = new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, type, RawJson.of(sent[1]), null,
                        sent[0], null, 10_000, "AdminInvoker");
                assertThat(caller.request(command, WAIT)).isInstanceOf(CommandResult.class);
            }
            await().atMost(WAIT).until(() -> get("store/events?type=" + type + "Done").json().get("events").size() == 3);

            // when / then: by aggregate, through the other instance
            JsonNode byAggregate = Http.get(url(1, "store/events?aggregate=" + a), SharedCluster.VIEWER).json();
            assertThat(byAggregate.get("events")).hasSize(2);
            assertThat(byAggregate.get("events").get(0).get("sequence").asInt()).isEqualTo(1);
            // by payload content: the SQL-ish text is matched verbatim, and only there
            String contains = encode("{\"command\":{\"note\":\"" + note + "\"}}");
            JsonNode byContent = get("store/events?contains=" + contains).json();
            assertThat(byContent.get("events")).hasSize(1);
            assertThat(byContent.get("events").get(0).get("aggregateId").asText()).isEqualTo(a);
            assertThat(byContent.get("events").get(0).get("payload").get("command").get("note").asText()).isEqualTo(note);
            assertThat(get("store/events?type=" + type + "Done&contains=" + encode("{\"command\":{\"note\":\"plain\"}}")).json()
                    .get("events")).hasSize(2);
            assertThat(get("store/events?contains=" + encode("{\"command\":{\"note\":\"" + SQLISH + "\"}}")).json().get("events"))
                    .isEmpty();
            // by context and creation time
            assertThat(get("store/events?aggregate=" + a + "&context=default").json().get("events")).hasSize(2);
            assertThat(get("store/events?aggregate=" + a + "&context=" + unique("ctx")).json().get("events")).isEmpty();
            Instant created = Instant.parse(byAggregate.get("events").get(0).get("createdAt").asText());
            assertThat(get("store/events?aggregate=" + a + "&from=" + created.minusSeconds(1) + "&to=" + created.plusSeconds(3600))
                    .json().get("events")).hasSize(2);
            assertThat(get("store/events?aggregate=" + a + "&from=" + created.plusSeconds(3600)).json().get("events")).isEmpty();
            // paged with the cursor
            JsonNode first = get("store/events?type=" + type + "Done&limit=2").json();
            assertThat(first.get("more").asBoolean()).isTrue();
            JsonNode second = Http.get(url(1, "store/events?type=" + type + "Done&limit=2&after=" + first.get("next").asText()),
                    SharedCluster.VIEWER).json();
            assertThat(second.get("events")).hasSize(1);
            assertThat(second.get("more").asBoolean()).isFalse();
            assertThat(second.get("events").get(0).get("aggregateId").asText()).isEqualTo(b);
        }
    }

    @Nested
    class Metrics {

        @Test
        void eachInstanceServesItsRequestsStoreAndConsumerLagToPrometheus() {
            // given a command answered through instance 2 and a consumer reported through instance 1
            String type = unique("Metered");
            bundle(0, unique("metered"), List.of(FakeHandlers.aggregate("MeteredAggregate", type)), List.of())
                    .respondWith(FakeHandlers.countingAggregate(new AtomicInteger()));
            BusClient caller = bundle(1, unique("caller"), List.of(new ComponentInfo("AdminInvoker", ComponentKind.INVOKER, 1, List.of(), null)),
                    List.of());
            assertThat(caller.request(command(type, unique("metered")), WAIT)).isInstanceOf(CommandResult.class);
            String bundleId = unique("lagging");
            String consumerId = bundleId + ":Projector:1:*";
            bundle(0, bundleId, List.of(FakeHandlers.projector("Projector", unique("Happened"))), List.of()).send(Consumers.report(consumerId, "dead-3"));
            await().atMost(WAIT).until(() -> get("consumers/" + encode(consumerId)).status() == 200);

            // when
            Http.Response anonymous = Http.get(url(1, "metrics"), null);
            Http.Response scraped = Http.get(url(1, "metrics"), SharedCluster.VIEWER);

            // then
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(scraped.status()).isEqualTo(200);
            assertThat(scraped.contentType()).as("the scrape: %s", scraped).startsWith("text/plain");
            assertThat(scraped.body()).containsPattern("evento_requests_seconds_count\\{kind=\"domain_command\",outcome=\"OK\"} [1-9]")
                    .contains("evento_requests_seconds_bucket{kind=\"domain_command\",outcome=\"OK\",le=\"0.005\"}")
                    .contains("evento_requests_in_flight ").contains("evento_connections ").contains("evento_store_batches_total ")
                    .contains("evento_consumer_lag{bundle=\"" + bundleId + "\",consumer=\"" + consumerId + "\",kind=\"projector\"} ")
                    .contains("jvm_memory_used_bytes");
            // the executing instance wrote the event
            Http.Response executing = Http.get(url(0, "metrics"), SharedCluster.VIEWER);
            assertThat(executing.body()).containsPattern("evento_store_events_total [1-9]");
        }
    }

    @Nested
    class Consumers {

        @Test
        void aReportedDeadEventIsRetriedThroughTheBundleOnTheOtherInstance() {
            // given a bundle on instance 1 reporting a projector with a dead event
            String bundleId = unique("reports");
            String consumerId = bundleId + ":Projector:1:*";
            BusClient projector = bundle(0, bundleId, List.of(FakeHandlers.projector("Projector", unique("Happened"))), List.of());
            projector.send(report(consumerId, "dead-1"));
            await().atMost(WAIT).until(() -> get("consumers/" + encode(consumerId)).status() == 200);
            JsonNode consumer = get("consumers/" + encode(consumerId)).json();
            assertThat(consumer.get("deadEventCount").asInt()).isEqualTo(1);
            assertThat(consumer.get("deadEvents").get(0).get("error").asText()).isEqualTo("SQLException: boom");
            assertThat(consumer.get("lag").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(get("consumers?dead=true&q=" + bundleId).json().get("total").asInt()).isEqualTo(1);

            // when an admin retries it through instance 2
            Thread answer = new Thread(() -> {
                ConsumerAction action = projector.await(ConsumerAction.class, f -> true, WAIT);
                projector.send(action.eventId().equals("dead-1") && action.action().equals("retry-dead-event")
                        ? new Ack(UUID.randomUUID().toString(), action.id())
                        : new Failure(UUID.randomUUID().toString(), action.id(), "INVALID_REQUEST", "unexpected " + action, false, null));
            });
            answer.start();
            Http.Response retried = Http.call("POST", url(1, "consumers/" + encode(consumerId) + "/dead-events/dead-1/retry"), null,
                    SharedCluster.ADMIN);

            // then the bundle got the action and acknowledged it
            assertThat(retried.status()).as(retried.body()).isEqualTo(204);
        }

        @Test
        void theBundlesRefusalAndAVanishedBundleReachTheCaller() throws Exception {
            // given
            String bundleId = unique("refuses");
            String consumerId = bundleId + ":Projector:1:*";
            BusClient projector = bundle(1, bundleId, List.of(FakeHandlers.projector("Projector", unique("Happened"))), List.of());
            projector.send(report(consumerId, "dead-9"));
            await().atMost(WAIT).until(() -> get("consumers/" + encode(consumerId)).status() == 200);

            // when the bundle answers that there is no such dead event
            Thread answer = new Thread(() -> {
                ConsumerAction action = projector.await(ConsumerAction.class, f -> true, WAIT);
                projector.send(new Failure(UUID.randomUUID().toString(), action.id(), "NOT_FOUND", "no such dead event", false, null));
            });
            answer.start();
            Http.Response refused = Http.call("POST", url(1, "consumers/" + encode(consumerId) + "/dead-events/other/discard"), null,
                    SharedCluster.ADMIN);
            answer.join();

            // then
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.json().get("detail").asText()).contains("no such dead event");

            // and once the bundle is gone, an action fails at once
            projector.close();
            Http.Response gone = Http.call("POST", url(0, "consumers/" + encode(consumerId) + "/dead-events/dead-9/retry"), null,
                    SharedCluster.ADMIN);
            assertThat(gone.status()).isIn(404, 504);
            assertThat(Http.call("PUT", url(0, "consumers/" + encode(consumerId) + "/position"), "{\"position\":\"abc\"}",
                    SharedCluster.ADMIN).status()).isEqualTo(400);
        }

        static ConsumerReport report(String consumerId, String deadEventId) {
            return new ConsumerReport(UUID.randomUUID().toString(), List.of(new ConsumerReport.ConsumerStatus(consumerId, "Projector",
                    ComponentKind.PROJECTOR, "0.0", true, 1, List.of(new ConsumerReport.DeadEventInfo(deadEventId, "0.1", "Happened",
                    "SQLException: boom", 4, false, System.currentTimeMillis())))),
                    List.of(new ConsumerReport.HandlerTiming("Projector", "Happened", 10, 1, 50.0, 9.0)));
        }
    }

    @Nested
    class TelemetryAndFlows {

        @Test
        void invocationsShowInTelemetryAndTheCommandStartsAFlow() {
            // given an aggregate invoked three times by an invoker
            String type = unique("Count");
            String bundleId = unique("counted");
            bundle(1, bundleId, List.of(FakeHandlers.aggregate("CountAggregate", type)), List.of())
                    .respondWith(FakeHandlers.countingAggregate(new AtomicInteger()));
            BusClient caller = bundle(0, unique("counter"), List.of(new ComponentInfo("AdminInvoker", ComponentKind.INVOKER, 1, List.of(), null)),
                    List.of());
            for (int i = 0; i < 3; i++) {
                assertThat(caller.request(command(type, unique("c")), WAIT)).isInstanceOf(CommandResult.class);
            }

            // when / then: telemetry, published within seconds, summed over the cluster
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode handlers = get("telemetry/handlers?minutes=5&bundle=" + bundleId).json();
                assertThat(handlers.get("items")).hasSize(1);
                assertThat(handlers.get("items").get(0).get("invocations").asInt()).isEqualTo(3);
                assertThat(handlers.get("items").get(0).get("meanMillis").asDouble()).isPositive();
            });
            JsonNode series = get("telemetry/series?bundle=" + bundleId + "&component=CountAggregate&payloadType=" + type).json();
            assertThat(series.findValuesAsText("invocations").stream().mapToInt(Integer::parseInt).sum()).isEqualTo(3);
            // the flow starts at the command its invoker sent, evaluated
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode flow = get("flows/" + type).json();
                assertThat(flow.get("senders").toString()).contains("AdminInvoker");
                assertThat(flow.get("steps").get(0).get("component").asText()).isEqualTo("CountAggregate");
                assertThat(flow.get("throughput").asDouble()).as(flow.toString()).isPositive();
                assertThat(flow.get("bottleneck").asText()).isEqualTo(bundleId + "/CountAggregate#" + type);
            });
            // and the graph draws the invoker sending it to the aggregate
            JsonNode graph = get("graph?minutes=5").json();
            assertThat(graph.get("edges").toString()).contains("\"payload\":\"" + type + "\"");
            assertThat(get("flows?q=" + type).json().get("total").asInt()).isEqualTo(1);
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Http.Response document = Http.get(SharedCluster.instance(0).baseUrl() + "/openapi", null);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("/api/catalog/payloads").contains("/api/consumers/{consumerId}/dead-events/{eventId}/retry")
                .contains("Evento Server admin API");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
