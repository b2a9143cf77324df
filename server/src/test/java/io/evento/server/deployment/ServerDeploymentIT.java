package io.evento.server.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import io.evento.server.testing.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The WAR deployed by Arquillian on Payara Micro (payara-micro-managed) with the loopback recipe.
 * One flat class: Arquillian injects the deployment URL only into the top-level test instance.
 */
@ExtendWith(ArquillianExtension.class)
class ServerDeploymentIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("evento.server.war")));
    }

    @ArquillianResource
    URL base;

    private String url(String path) {
        return (base.toString().endsWith("/") ? base.toString() : base + "/") + path;
    }

    @BeforeEach
    void ready() {
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.get(url("health/ready")).status() == 200);
    }

    @Test
    void readinessReportsTheMigratedReachableDatabase() {
        // when
        Http.Response ready = Http.get(url("health/ready"));

        // then
        JsonNode check = ready.json().get("checks").get(0);
        assertThat(check.get("name").asText()).isEqualTo("evento-database");
        assertThat(check.get("data").get("migrated").asText()).isEqualTo("true");
        assertThat(check.get("data").get("reachable").asText()).isEqualTo("true");
    }

    @Test
    void livenessIsUp() {
        assertThat(Http.get(url("health/live")).status()).isEqualTo(200);
    }

    @Test
    void aClientAskingForHttp2GetsItWithCompleteHeaders() throws Exception {
        // given a client that offers an h2c upgrade (the JDK's default)
        java.net.http.HttpClient h2 = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();

        // when
        java.net.http.HttpResponse<String> response = h2.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("api/cluster")))
                .header("Authorization", Http.DEFAULT_ADMIN).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        // then HTTP/2 is served (with HTTP/2 off, Grizzly drops Content-Type from chunked answers to such clients: ADR 0017)
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void theDatabaseHoldsEveryMigrationAppliedOnce() throws Exception {
        // given the throw-away database the instance was started with
        String jdbcUrl = System.getProperty("evento.arquillian.database");

        // when
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version, success FROM evento_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                assertThat(rows.getBoolean("success")).isTrue();
                versions.add(rows.getString("version"));
            }
        }

        // then
        assertThat(versions).containsExactly("1", "2", "3", "4", "5", "6");
    }

    @Test
    void clusterEndpointListsThisInstanceAsTheOnlyMemberOfItsHazelcastCluster() {
        // when
        Http.Response response = Http.get(url("api/cluster"), Http.DEFAULT_ADMIN);

        // then
        assertThat(response.status()).isEqualTo(200);
        JsonNode cluster = response.json();
        assertThat(cluster.get("kind").asText()).isEqualTo("hazelcast");
        assertThat(cluster.get("instanceId").asText()).isEqualTo("arquillian");
        assertThat(cluster.get("members")).hasSize(1);
        JsonNode self = cluster.get("members").get(0);
        assertThat(self.get("self").asBoolean()).isTrue();
        assertThat(self.get("address").asText()).startsWith("127.0.0.1:");
        assertThat(self.get("httpUrl").asText()).startsWith("http://");
        assertThat(cluster.get("database").get("storeId").asText()).hasSize(36);
    }

    @Test
    void unknownApiPathsAnswerProblemJson() {
        // when
        Http.Response response = Http.get(url("api/no-such-thing"));

        // then
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }
}
