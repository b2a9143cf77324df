package io.evento.payara.services;

import io.evento.payara.services.TestServices.Source;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TestServicesTest {

    private final AtomicInteger probes = new AtomicInteger();

    private boolean dockerAnswers() {
        probes.incrementAndGet();
        return true;
    }

    private boolean noDocker() {
        probes.incrementAndGet();
        return false;
    }

    @Test
    void aConfiguredAddressWinsAndDockerIsNotEvenAsked() {
        assertThat(TestServices.choose("jdbc:postgresql://db:5432/x", null, this::dockerAnswers)).isEqualTo(Source.CONFIGURED);
        assertThat(probes).hasValue(0);
    }

    @Test
    void withoutAnAddressADockerEngineThatAnswersIsUsed() {
        assertThat(TestServices.choose(null, null, this::dockerAnswers)).isEqualTo(Source.DOCKER);
        assertThat(TestServices.choose(" ", "auto", this::dockerAnswers)).isEqualTo(Source.DOCKER);
    }

    @Test
    void withoutDockerTheLocalServicesAreUsed() {
        assertThat(TestServices.choose(null, null, this::noDocker)).isEqualTo(Source.LOCAL);
    }

    @Test
    void dockerCanBeTurnedOffWithoutProbingIt() {
        assertThat(TestServices.choose(null, "never", this::dockerAnswers)).isEqualTo(Source.LOCAL);
        assertThat(probes).hasValue(0);
    }
}
