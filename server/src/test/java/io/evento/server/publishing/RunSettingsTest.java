package io.evento.server.publishing;

import io.evento.protocol.EventoException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSettingsTest {

    @Test
    void sensibleSettingsAreKept() {
        RunSettings settings = new RunSettings(true, true, 1, 3, Map.of("TODO_DB_URL", "jdbc:postgresql://127.0.0.1/todo"), List.of("-Xmx256m"));
        assertThat(settings.maxInstances()).isEqualTo(3);
        assertThat(settings.environment()).containsEntry("TODO_DB_URL", "jdbc:postgresql://127.0.0.1/todo");
    }

    @Test
    void instanceCountsOutOfOrderOrRangeAreRefused() {
        assertThatThrownBy(() -> new RunSettings(true, false, 2, 1, null, null)).isInstanceOf(EventoException.class).hasMessageContaining("minInstances");
        assertThatThrownBy(() -> new RunSettings(true, false, 0, 0, null, null)).hasMessageContaining("maxInstances must be 1 to 64");
        assertThatThrownBy(() -> new RunSettings(true, false, 0, 65, null, null)).hasMessageContaining("maxInstances");
        assertThatThrownBy(() -> new RunSettings(false, true, 1, 1, null, null)).hasMessageContaining("must be deployable");
    }

    @Test
    void theDeployScriptsOwnVariablesAndBadNamesOrOptionsAreRefused() {
        assertThatThrownBy(() -> new RunSettings(true, false, 0, 1, Map.of("EVENTO_TOKEN", "x"), null)).hasMessageContaining("deploy script");
        assertThatThrownBy(() -> new RunSettings(true, false, 0, 1, Map.of("A;rm -rf /", "x"), null)).hasMessageContaining("is not");
        assertThatThrownBy(() -> new RunSettings(true, false, 0, 1, Map.of("A", "x\ny"), null)).hasMessageContaining("control character");
        assertThatThrownBy(() -> new RunSettings(true, false, 0, 1, null, List.of("; rm -rf /"))).hasMessageContaining("does not start with '-'");
    }
}
