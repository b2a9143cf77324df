package io.evento.bundle.cdi.rest;

import io.evento.protocol.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorStatusTest {

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeIsAnErrorStatus(ErrorCode code) {
        assertThat(ErrorStatus.of(code)).isBetween(400, 599);
    }

    @ParameterizedTest
    @CsvSource({"HANDLER_FAILED,422", "AGGREGATE_NOT_FOUND,404", "NOT_FOUND,404", "AGGREGATE_ALREADY_EXISTS,409",
            "AGGREGATE_DELETED,410", "INVALID_REQUEST,400", "NO_HANDLER,503", "TIMEOUT_INDETERMINATE,504"})
    void whatTheCallerCanDoAboutItDecidesTheStatus(ErrorCode code, int status) {
        assertThat(ErrorStatus.of(code)).isEqualTo(status);
    }
}
