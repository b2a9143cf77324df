package io.evento.bundle.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.bundle.EventoBundle;
import io.evento.bundle.paced.JobAggregate;
import io.evento.bundle.paced.JobInvoker;
import io.evento.bundle.paced.JobProjector;
import io.evento.bundle.paced.Pacing;
import io.evento.bundle.state.ConsumerStateStore;
import io.evento.bundle.state.memory.InMemoryConsumerStateStore;
import io.evento.payara.MicroCluster;
import io.evento.payara.database.ThrowawayDatabase;
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
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The server's performance evaluation of a flow, checked against handlers whose service times the
 * test sets: an invoker starts jobs, {@link JobAggregate} takes {@value Pacing#AGGREGATE_MILLIS} ms
 * per command, {@link JobProjector} {@value Pacing#PROJECTOR_MILLIS} ms per event. The projector
 * (one consumer instance at a time) is the bottleneck at about 1000 / 100 jobs per second; a second
 * instance of the bundle doubles the aggregate's capacity and leaves the projector's, and so the
 * flow's, unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlowEvaluationIT {

    private static final String TOKEN = "flow-it-token";
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("flow-admin:flow-admin-pw".getBytes(StandardCharsets.UTF_8));
    private static final int JOBS = 30;
    private static final String AGGREGATE_STEP = "jobs/JobAggregate#StartJob";
    private static final String PROJECTOR_STEP = AGGREGATE_STEP + " > jobs/JobProjector#JobStarted";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ConsumerStateStore consumerState = new InMemoryConsumerStateStore();
    private ThrowawayDatabase database;
    private MicroCluster cluster;
    private EventoBundle first;
    private EventoBundle second;

    @BeforeAll
    void start() {
        database = ThrowawayDatabase.create("evento_bundle_it");
        cluster = ServerCluster.start(database, 1, TOKEN, Map.of("EVENTO_ADMIN_USERS", "flow-admin:admin:" + io.evento.payara.password.PasswordHash.of("flow-admin-pw".toCharArray())),
                "flow-evaluation");
        first = jobsBundle("jobs-1");
    }

    private EventoBundle jobsBundle(String instanceId) {
        return EventoBundle.builder().bundleId("jobs").instanceId(instanceId).servers(cluster.instance(0).baseUrl()).token(TOKEN)
                .components(JobAggregate.class, JobProjector.class, JobInvoker.class).consumerStateStore(consumerState).start();
    }

    @AfterAll
    void stop() {
        ServerCluster.closeAll(second, first, cluster, database);
    }

    @Test
    @Order(1)
    void theSlowestHandlerBoundsTheFlow() {
        // given jobs started one after the other and all projected
        JobInvoker invoker = first.invoker(JobInvoker.class);
        for (int i = 0; i < JOBS; i++) {
            invoker.start("job-" + i);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Pacing.PROJECTED.get() == JOBS);

        // when the telemetry of both handlers has reached the server
        JsonNode flow = awaitFlow(f -> invocations(f, AGGREGATE_STEP) == JOBS && invocations(f, PROJECTOR_STEP) == JOBS);

        // then the projector, one consumer at a time at >= 100 ms per event, is the bottleneck
        JsonNode aggregate = step(flow, AGGREGATE_STEP);
        JsonNode projector = step(flow, PROJECTOR_STEP);
        System.out.printf("flow StartJob: aggregate %.1f ms (capacity %.1f/s), projector %.1f ms (capacity %.1f/s), throughput %.1f/s%n",
                aggregate.get("meanMillis").asDouble(), aggregate.get("capacity").asDouble(), projector.get("meanMillis").asDouble(),
                projector.get("capacity").asDouble(), flow.get("throughput").asDouble());
        assertThat(flow.get("bottleneck").asText()).isEqualTo(PROJECTOR_STEP);
        assertThat(projector.get("ratio").asDouble()).isEqualTo(1.0);
        assertThat(projector.get("servers").asInt()).isEqualTo(1);
        assertThat(projector.get("meanMillis").asDouble()).isBetween((double) Pacing.PROJECTOR_MILLIS, Pacing.PROJECTOR_MILLIS * 1.5);
        double expected = 1000.0 / Pacing.PROJECTOR_MILLIS;
        assertThat(flow.get("throughput").asDouble()).isBetween(expected / 1.5, expected)
                .isCloseTo(1000.0 / projector.get("meanMillis").asDouble(), within(1e-6));
        // and the aggregate, one instance at >= 20 ms per command (measured at the server, so with the round trip)
        assertThat(aggregate.get("servers").asInt()).isEqualTo(1);
        assertThat(aggregate.get("meanMillis").asDouble()).isBetween((double) Pacing.AGGREGATE_MILLIS, Pacing.AGGREGATE_MILLIS * 3.0);
        assertThat(aggregate.get("capacity").asDouble()).isCloseTo(1000.0 / aggregate.get("meanMillis").asDouble(), within(1e-6))
                .isGreaterThan(flow.get("throughput").asDouble());
        assertThat(flow.get("senders").toString()).contains("jobs/JobInvoker");
    }

    @Test
    @Order(2)
    void aSecondInstanceDoublesTheAggregateButNotTheConsumer() throws Exception {
        // given the measured figures with one instance
        JsonNode before = flow();
        double aggregateMean = step(before, AGGREGATE_STEP).get("meanMillis").asDouble();

        // when a second instance of the bundle connects
        second = jobsBundle("jobs-2");

        // then the aggregate counts two servers, the projector still one
        JsonNode after = awaitFlow(f -> step(f, AGGREGATE_STEP).get("servers").asInt() == 2);
        assertThat(step(after, AGGREGATE_STEP).get("meanMillis").asDouble()).isEqualTo(aggregateMean);
        assertThat(step(after, AGGREGATE_STEP).get("capacity").asDouble()).isCloseTo(2000.0 / aggregateMean, within(1e-6));
        assertThat(step(after, PROJECTOR_STEP).get("servers").asInt()).isEqualTo(1);
        assertThat(after.get("bottleneck").asText()).isEqualTo(PROJECTOR_STEP);
        assertThat(after.get("throughput").asDouble()).isEqualTo(before.get("throughput").asDouble());
    }

    private JsonNode awaitFlow(java.util.function.Predicate<JsonNode> done) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = flow();
            return done.test(last[0]);
        });
        return last[0];
    }

    private JsonNode flow() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(cluster.instance(0).baseUrl() + "/api/flows/StartJob?minutes=60"))
                .header("Authorization", ADMIN).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static long invocations(JsonNode flow, String id) {
        JsonNode step = find(flow.get("steps"), id);
        return step == null ? -1 : step.get("invocations").asLong();
    }

    private static JsonNode step(JsonNode flow, String id) {
        JsonNode step = find(flow.get("steps"), id);
        assertThat(step).as("step " + id + " in " + flow).isNotNull();
        return step;
    }

    private static JsonNode find(JsonNode steps, String id) {
        for (JsonNode step : steps) {
            if (id.equals(step.get("id").asText())) {
                return step;
            }
            JsonNode deeper = find(step.get("next"), id);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }
}
