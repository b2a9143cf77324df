package io.evento.servers;

import com.fasterxml.jackson.databind.JsonNode;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.json.RawJson;
import io.evento.server.testing.BusClient;
import io.evento.server.testing.FakeHandlers;
import io.evento.server.testing.Http;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the WAR must do on every Jakarta EE server it is deployed to: readiness that checks the
 * database, the console at the root, the admin API with its JSON (JSON-B, instants as ISO text)
 * and its 401, the cluster view, and a domain command through the bus whose event is stored.
 */
abstract class DeployedServerContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The running server under test. */
    abstract JakartaServer server();

    @Nested
    class Health {

        @Test
        void readinessChecksTheMigratedWritableDatabase() {
            // when
            Http.Response ready = Http.get(server().healthUrl() + "/ready");

            // then
            assertThat(ready.status()).isEqualTo(200);
            JsonNode check = database(ready.json());
            assertThat(check.get("status").asText()).isEqualTo("UP");
            assertThat(check.get("data").get("migrated").asText()).isEqualTo("true");
            assertThat(check.get("data").get("writable").asText()).isEqualTo("true");
        }

        private JsonNode database(JsonNode health) {
            for (JsonNode check : health.get("checks")) {
                if (check.get("name").asText().equals("evento-database")) {
                    return check;
                }
            }
            throw new AssertionError("no evento-database check in " + health);
        }
    }

    @Nested
    class AdminApi {

        @Test
        void aLoginAnswersASessionWithAnIsoInstantThatOpensTheApi() {
            // when
            Http.Response login = Http.call("POST", server().baseUrl() + "/api/auth/login",
                    "{\"user\":\"admin\",\"password\":\"evento-admin\"}", null);

            // then
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            assertThat(Instant.parse(login.json().get("expiresAt").asText())).isAfter(Instant.now());
            Http.Response status = Http.get(server().baseUrl() + "/api/status", Http.bearer(login.json().get("token").asText()));
            assertThat(status.status()).isEqualTo(200);
        }

        @Test
        void aWrongPasswordIsRefusedWithProblemJson() {
            // when
            Http.Response refused = Http.get(server().baseUrl() + "/api/status", Http.basic("admin", "' OR '1'='1"));

            // then
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }

        @Test
        void theClusterViewShowsThisServerAsItsOnlyMember() {
            // when
            JsonNode cluster = Http.get(server().baseUrl() + "/api/cluster", Http.DEFAULT_ADMIN).json();

            // then
            assertThat(cluster.get("kind").asText()).isEqualTo(server().clusterKind());
            assertThat(cluster.get("members")).hasSize(1);
            assertThat(cluster.get("members").get(0).get("self").asBoolean()).isTrue();
            assertThat(cluster.get("database").get("storeId").asText()).hasSize(36);
        }

        @Test
        void theMetricsAreServedInThePrometheusFormat() {
            // when
            Http.Response metrics = Http.get(server().baseUrl() + "/api/metrics", Http.DEFAULT_ADMIN);
            // then
            assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
            assertThat(metrics.contentType()).startsWith("text/plain");
            assertThat(metrics.body()).contains("evento_connections ").contains("evento_store_batches_total ")
                    .contains("evento_requests_in_flight ");
        }

        @Test
        void theConsoleIsServedAtTheRoot() {
            // when
            Http.Response console = Http.get(server().baseUrl() + "/");

            // then
            assertThat(console.status()).isEqualTo(200);
            assertThat(console.body()).containsIgnoringCase("<html");
        }
    }

    @Nested
    class AdminData {

        private static final String SQLISH = "'; DROP TABLE evento_event; -- \\u0000 %_";

        @Test
        void registrationsDescriptionsTelemetryAndStatusAreStoredAndReadBack() {
            // given an aggregate that was registered and invoked twice
            String type = "Tally" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            String bundleId = "tally-" + UUID.randomUUID().toString().substring(0, 8);
            try (BusClient aggregate = BusClient.register(server().baseUrl(), JakartaServer.BUS_TOKEN, bundleId, "t1",
                    List.of(FakeHandlers.aggregate("Tally", type)), 0).respondWith(FakeHandlers.countingAggregate(new AtomicInteger()))
                    .keepAlive(Duration.ofSeconds(1));
                 BusClient caller = BusClient.register(server().baseUrl(), JakartaServer.BUS_TOKEN, "tally-caller", "k1",
                         List.of(new ComponentInfo("Invoker", ComponentKind.INVOKER, 1, List.of(), null)), 0)
                         .keepAlive(Duration.ofSeconds(1))) {
                for (int i = 0; i < 2; i++) {
                    assertThat(caller.request(new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, type,
                            RawJson.of("{}"), null, "tally-" + i, null, 10_000, "Invoker"), WAIT)).isInstanceOf(CommandResult.class);
                }

                // when an admin describes the payload type with SQL-ish text
                await().atMost(WAIT).until(() -> Http.get(server().baseUrl() + "/api/catalog/payloads/" + type, Http.DEFAULT_ADMIN)
                        .status() == 200);
                Http.Response described = Http.call("PUT", server().baseUrl() + "/api/catalog/payloads/" + type + "/description",
                        "{\"description\":\"" + SQLISH.replace("\\", "\\\\") + "\"}", Http.DEFAULT_ADMIN);

                // then every admin table answers through the persistence unit
                assertThat(described.status()).as(described.body()).isEqualTo(200);
                assertThat(Http.get(server().baseUrl() + "/api/catalog/payloads/" + type, Http.DEFAULT_ADMIN).json()
                        .get("description").asText()).isEqualTo(SQLISH);
                assertThat(Http.get(server().baseUrl() + "/api/catalog/bundles/" + bundleId, Http.DEFAULT_ADMIN).status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode handlers = Http.get(server().baseUrl() + "/api/telemetry/handlers?minutes=5&bundle=" + bundleId,
                            Http.DEFAULT_ADMIN).json();
                    assertThat(handlers.get("items")).hasSize(1);
                    assertThat(handlers.get("items").get(0).get("invocations").asInt()).isEqualTo(2);
                });
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        Http.get(server().baseUrl() + "/api/status", Http.DEFAULT_ADMIN).json().get("members").toString())
                        .contains("\"ready\":true"));
            }
        }
    }

    @Nested
    class Bus {

        @Test
        void aDomainCommandIsHandledByAnAggregateAndItsEventStored() throws Exception {
            // given an aggregate and a caller, both raw clients
            String type = "Count" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            String aggregateId = "counter-" + UUID.randomUUID();
            AtomicInteger invocations = new AtomicInteger();
            try (BusClient aggregate = BusClient.register(server().baseUrl(), JakartaServer.BUS_TOKEN, "counter", "c1",
                    List.of(FakeHandlers.aggregate("Counter", type)), 0).respondWith(FakeHandlers.countingAggregate(invocations))
                    .keepAlive(Duration.ofSeconds(1));
                 BusClient caller = BusClient.register(server().baseUrl(), JakartaServer.BUS_TOKEN, "caller", "k1",
                         List.of(new ComponentInfo("Invoker", ComponentKind.INVOKER, 1, List.of(), null)), 0)
                         .keepAlive(Duration.ofSeconds(1))) {

                // when
                Frame answer = caller.request(new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, type,
                        RawJson.of("{\"by\":1}"), null, aggregateId, null, 10_000, "Invoker"), WAIT);

                // then
                assertThat(answer).isInstanceOfSatisfying(CommandResult.class, result -> {
                    assertThat(result.event().sequence()).isEqualTo(1);
                    assertThat(result.event().type()).isEqualTo(type + "Done");
                });
                assertThat(invocations).hasValue(1);
                assertThat(storedTypes(aggregateId)).containsExactly(type + "Done");
                JsonNode story = Http.get(server().baseUrl() + "/api/store/aggregates/" + aggregateId, Http.DEFAULT_ADMIN).json();
                assertThat(story.get("lastSequence").asLong()).isEqualTo(1);
                // the state store browser's search (JPQL on this server's provider): by aggregate and payload content
                String api = server().baseUrl() + "/api/store/events?aggregate=" + aggregateId;
                assertThat(Http.get(api, Http.DEFAULT_ADMIN).json().get("events")).hasSize(1);
                String contains = java.net.URLEncoder.encode("{\"command\":{\"by\":1}}", java.nio.charset.StandardCharsets.UTF_8);
                assertThat(Http.get(api + "&contains=" + contains, Http.DEFAULT_ADMIN).json().get("events")).hasSize(1);
                String other = java.net.URLEncoder.encode("{\"command\":{\"by\":2}}", java.nio.charset.StandardCharsets.UTF_8);
                assertThat(Http.get(api + "&contains=" + other, Http.DEFAULT_ADMIN).json().get("events")).isEmpty();
                assertThat(Http.get(server().baseUrl() + "/api/store/snapshots?q=" + aggregateId, Http.DEFAULT_ADMIN).json()
                        .get("total").asInt()).isZero();
            }
        }

        private List<String> storedTypes(String aggregateId) throws Exception {
            try (Connection connection = DriverManager.getConnection(server().jdbcUrl(),
                    io.evento.payara.database.ThrowawayDatabase.user(), io.evento.payara.database.ThrowawayDatabase.password());
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT event_type FROM evento_event WHERE aggregate_id = ? ORDER BY aggregate_sequence")) {
                select.setString(1, aggregateId);
                List<String> types = new java.util.ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        types.add(rows.getString(1));
                    }
                }
                return types;
            }
        }
    }
}
