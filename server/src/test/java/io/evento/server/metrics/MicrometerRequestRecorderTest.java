package io.evento.server.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerRequestRecorderTest {

    @Nested
    class AnsweredRequests {
        @Test
        void areCountedByKindAndOutcomeInPrometheusHistogramBuckets() {
            // given
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            MicrometerRequestRecorder recorder = new MicrometerRequestRecorder(registry);

            // when
            recorder.answered("DOMAIN_COMMAND", "OK", TimeUnit.MICROSECONDS.toNanos(800));
            recorder.answered("DOMAIN_COMMAND", "OK", TimeUnit.MILLISECONDS.toNanos(30));
            recorder.answered("QUERY", "NO_HANDLER", TimeUnit.MILLISECONDS.toNanos(3));
            recorder.answered("QUERY", "MADE_UP_BY_A_BUNDLE", TimeUnit.MILLISECONDS.toNanos(3));
            recorder.answered("QUERY", "ANOTHER_ONE", TimeUnit.MILLISECONDS.toNanos(3));

            // then
            String scrape = registry.scrape();
            assertThat(scrape).contains("evento_requests_seconds_count{kind=\"domain_command\",outcome=\"OK\"} 2");
            assertThat(scrape).contains("evento_requests_seconds_bucket{kind=\"domain_command\",outcome=\"OK\",le=\"0.001\"} 1");
            assertThat(scrape).contains("evento_requests_seconds_bucket{kind=\"domain_command\",outcome=\"OK\",le=\"0.05\"} 2");
            assertThat(scrape).contains("evento_requests_seconds_count{kind=\"query\",outcome=\"NO_HANDLER\"} 1");
            assertThat(scrape).contains("evento_requests_seconds_bucket{kind=\"query\",outcome=\"NO_HANDLER\",le=\"0.002\"} 0");
            // codes a bundle made up share one label value
            assertThat(scrape).contains("evento_requests_seconds_count{kind=\"query\",outcome=\"OTHER\"} 2").doesNotContain("MADE_UP");
        }
    }
}
