package io.evento.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.evento.payara.MicroCluster;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code evento publish} as a user runs it (the CLI's jar in its own process, the password in its
 * environment) against a real server instance on a throw-away database: the TodoList bundles are
 * published, refused without the role, with a wrong password and a second time; the admin API lists,
 * describes and serves them, the catalog shows what they send before any of them ran, and bad
 * settings or uploads store nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ThrowawayDatabase database;
    private MicroCluster cluster;
    private String server;

    @BeforeAll
    void start() {
        database = ThrowawayDatabase.create("evento_it");
        try {
            cluster = MicroCluster.prepare(MicroRecipe.fromProject(), new MicroCluster.Settings(path("payara.microJar.forBundles"),
                    path("evento.postgresql.jar"), path("evento.server.war"), 1, Map.of("EVENTO_DB_URL", database.jdbcUrl(),
                    "EVENTO_DB_USER", ThrowawayDatabase.user(), "EVENTO_DB_PASSWORD", ThrowawayDatabase.password(), "EVENTO_BUS_TOKENS", "t"),
                    "384m", MicroRecipe.projectDir().resolve("cli/target/it-logs"))).startAll(Duration.ofSeconds(240));
            server = cluster.instance(0).baseUrl();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[]{cluster, database}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // go on
            }
        }
    }

    private static Path path(String property) {
        return Path.of(System.getProperty(property));
    }

    private record Run(int exit, String output) {
    }

    /** The CLI's jar in a process of its own, with the password in EVENTO_PASSWORD. */
    private static Run evento(String password, String... args) throws Exception {
        Path jar;
        try (var jars = Files.list(MicroRecipe.projectDir().resolve("cli/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().endsWith("-all.jar")).findFirst().orElseThrow();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("EVENTO_PASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private HttpResponse<String> api(String method, String path, String user, String body) throws IOException, InterruptedException {
        String password = "admin".equals(user) ? "evento-admin" : "evento-viewer";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    @Order(1)
    void publishingNeedsThePublishRoleAndTheRightPassword() throws Exception {
        // when a viewer and a wrong password try
        Run viewer = evento("evento-viewer", "publish", path("users.war").toString(), "--server", server, "--user", "viewer");
        Run wrong = evento("guess", "publish", path("users.war").toString(), "--server", server, "--user", "admin");

        // then both are refused with their reason, and nothing is published
        assertThat(viewer.exit()).as(viewer.output()).isEqualTo(4);
        assertThat(viewer.output()).contains("403").contains("lacks the publish role");
        assertThat(wrong.exit()).as(wrong.output()).isEqualTo(4);
        assertThat(wrong.output()).contains("401");
        assertThat(json(api("GET", "/api/published-bundles", "viewer", null))).isEmpty();
    }

    @Test
    @Order(2)
    void theTodoListBundlesArePublishedOnceEachAndTheCatalogKnowsThemBeforeTheyRun() throws Exception {
        // when
        Run users = evento("evento-admin", "publish", path("users.war").toString(), "--server", server, "--user", "admin");
        Run todo = evento("evento-admin", "publish", path("todo.war").toString(), "--server", server + "/", "--user", "admin");
        Run again = evento("evento-admin", "publish", path("users.war").toString(), "--server", server, "--user", "admin");

        // then
        assertThat(users.exit()).as(users.output()).isZero();
        assertThat(users.output()).contains("published users version 1 (5 components)");
        assertThat(todo.exit()).as(todo.output()).isZero();
        assertThat(again.exit()).as(again.output()).isEqualTo(6);
        assertThat(again.output()).contains("409").contains("is published already").doesNotContain("Exception");
        JsonNode all = json(api("GET", "/api/published-bundles", "viewer", null));
        assertThat(all).extracting(b -> b.get("bundleId").asText() + ":" + b.get("bundleVersion").asLong() + ":" + b.get("publishedBy").asText())
                .containsExactly("todo:1:admin", "users:1:admin");
        JsonNode described = json(api("GET", "/api/published-bundles/users/1", "viewer", null));
        assertThat(described.get("description").get("components")).hasSize(5);
        assertThat(described.get("bundle").get("settings").get("deployable").asBoolean()).isFalse();
        JsonNode saga = json(api("GET", "/api/catalog/components/users/ListQuotaSaga", "viewer", null));
        assertThat(saga.get("sends")).extracting(JsonNode::asText).contains("DeleteTodoList", "ReserveListSlot");
    }

    @Test
    @Order(3)
    void anAdminDownloadsTheSameBytesAndAViewerMayNot() throws Exception {
        HttpResponse<byte[]> download = HTTP.send(HttpRequest.newBuilder(URI.create(server + "/api/published-bundles/todo/1/artifact"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:evento-admin".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"todo.war\"");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path("todo.war")))));
        assertThat(api("GET", "/api/published-bundles/todo/1/artifact", "viewer", null).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void runSettingsAreCheckedAndBadOnesChangeNothing() throws Exception {
        // when
        HttpResponse<String> good = api("PUT", "/api/published-bundles/todo/1/settings", "admin",
                "{\"deployable\":true,\"autorun\":true,\"minInstances\":1,\"maxInstances\":2,\"environment\":{\"TODO_DB_URL\":\"jdbc:x\"},"
                        + "\"jvmOptions\":[\"-Xmx256m\"]}");
        HttpResponse<String> reserved = api("PUT", "/api/published-bundles/todo/1/settings", "admin",
                "{\"deployable\":true,\"autorun\":false,\"minInstances\":0,\"maxInstances\":1,\"environment\":{\"EVENTO_TOKEN\":\"x\"}}");
        HttpResponse<String> inverted = api("PUT", "/api/published-bundles/todo/1/settings", "admin",
                "{\"deployable\":true,\"autorun\":false,\"minInstances\":3,\"maxInstances\":1}");
        HttpResponse<String> byViewer = api("PUT", "/api/published-bundles/todo/1/settings", "viewer", "{\"maxInstances\":1}");

        // then
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(reserved.statusCode()).isEqualTo(400);
        assertThat(json(reserved).get("detail").asText()).contains("EVENTO_TOKEN is set by the server's deploy script");
        assertThat(inverted.statusCode()).isEqualTo(400);
        assertThat(byViewer.statusCode()).isEqualTo(403);
        JsonNode settings = json(api("GET", "/api/published-bundles/todo/1", "viewer", null)).get("bundle").get("settings");
        assertThat(settings.get("maxInstances").asInt()).isEqualTo(2);
        assertThat(settings.get("environment").get("TODO_DB_URL").asText()).isEqualTo("jdbc:x");
    }

    @Test
    @Order(5)
    void malformedUploadsAreRefusedAndStoreNothing() throws Exception {
        String evil = "x'); DROP TABLE evento_event; --";
        for (String body : List.of("not json", "{}", "{\"description\":{\"bundleId\":\"" + evil + "\",\"bundleVersion\":1,\"components\":[]},"
                + "\"artifactName\":\"a.jar\",\"artifact\":\"UEsDBA==\"}", "{\"description\":{\"bundleId\":\"x\",\"bundleVersion\":1,"
                + "\"components\":[{\"name\":\"A\",\"kind\":\"INVOKER\",\"version\":1,\"handlers\":[]}]},\"artifactName\":\"a.jar\","
                + "\"artifact\":\"bm90IGEgemlw\"}")) {
            HttpResponse<String> refused = api("POST", "/api/published-bundles", "admin", body);
            assertThat(refused.statusCode()).as(body).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
        assertThat(json(api("GET", "/api/published-bundles", "viewer", null))).hasSize(2);
        assertThat(api("DELETE", "/api/published-bundles/users/1", "viewer", null).statusCode()).isEqualTo(403);
        assertThat(api("DELETE", "/api/published-bundles/users/1", "admin", null).statusCode()).isEqualTo(204);
        assertThat(api("GET", "/api/published-bundles/users/1", "viewer", null).statusCode()).isEqualTo(404);
        assertThat(api("GET", "/api/published-bundles/users/zero", "viewer", null).statusCode()).isEqualTo(400);
    }
}
