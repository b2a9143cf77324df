package io.evento.examples.todo.api;

import io.evento.protocol.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class TodoHttpApiTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeMapsToAnErrorStatusAndRuleViolationsToClientErrors(ErrorCode code) {
        int status = TodoHttpApi.status(code);
        assertThat(status).isBetween(400, 599);
        if (code == ErrorCode.HANDLER_FAILED || code == ErrorCode.AGGREGATE_DELETED || code == ErrorCode.AGGREGATE_NOT_FOUND) {
            assertThat(status).isBetween(400, 499);
        }
    }
}
