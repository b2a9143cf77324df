package io.evento.server.admin.rest;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMapperTest {

    @Test
    void anEventoExceptionKeepsItsCode() {
        Problem problem = ProblemMapper.problemOf(new EventoException(ErrorCode.NOT_FOUND, "no payload X"));
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.code()).isEqualTo("NOT_FOUND");
        assertThat(problem.detail()).isEqualTo("no payload X");
    }

    @Test
    void anUnreadableBodyIsAnInvalidRequestNamingTheCause() {
        Problem problem = ProblemMapper.problemOf(new ProcessingException("Error deserializing object from entity stream.",
                new JsonbException("Unexpected char 111 at (line no=1, column no=2, offset=1)")));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("INVALID_REQUEST");
        assertThat(problem.detail()).contains("Unexpected char 111");
    }

    @Test
    void anythingElseIsInternalWithoutItsMessage() {
        Problem problem = ProblemMapper.problemOf(new IllegalStateException("password=secret"));
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.code()).isEqualTo("INTERNAL");
        assertThat(problem.detail()).doesNotContain("secret");
    }
}
