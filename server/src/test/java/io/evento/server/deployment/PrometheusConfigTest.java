package io.evento.server.deployment;

import io.evento.payara.MicroRecipe;
import io.evento.server.metrics.rest.MetricsResource;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/prometheus.yml against the server: it scrapes the path the metrics resource serves, with
 * the documented development viewer, on the instances {@code deploy/evento up 2} starts (loopback,
 * from the default HTTP port on).
 */
class PrometheusConfigTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job() throws IOException {
        Map<String, Object> config = new Yaml().load(Files.readString(MicroRecipe.projectDir().resolve("deploy/prometheus.yml")));
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    @Nested
    class TheScrapeJob {
        @Test
        void readsTheMetricsResourceAsTheDevelopmentViewer() throws IOException {
            // given
            Map<String, Object> job = job();
            // then
            assertThat(job.get("metrics_path")).isEqualTo("/api/" + MetricsResource.class.getAnnotation(Path.class).value());
            assertThat(job.get("basic_auth")).isEqualTo(Map.of("username", "viewer", "password", "evento-viewer"));
        }

        @Test
        @SuppressWarnings("unchecked")
        void targetsTheDeployScriptsInstancesOnLoopback() throws IOException {
            // given
            String firstPort = Files.readAllLines(MicroRecipe.projectDir().resolve("payara-config/defaults.env")).stream()
                    .filter(line -> line.startsWith("EVENTO_HTTP_PORT=")).findFirst().orElseThrow().substring("EVENTO_HTTP_PORT=".length());
            // when
            List<Map<String, Object>> statics = (List<Map<String, Object>>) job().get("static_configs");
            // then
            int port = Integer.parseInt(firstPort.trim());
            assertThat((List<String>) statics.get(0).get("targets")).containsExactly("127.0.0.1:" + port, "127.0.0.1:" + (port + 1));
        }
    }
}
