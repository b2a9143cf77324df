package io.evento.server.admin.rest;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @Test
    void missingParametersGiveTheFirstPageOfTheDefaultSize() {
        assertThat(PageRequest.of(null, " ")).isEqualTo(new PageRequest(0, PageRequest.DEFAULT_SIZE));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"-1|10", "0|0", "0|501", "x|10", "0|1e3", "1000001|1", "0|' OR 1=1 --"})
    void outOfRangeOrNonNumbersAreInvalidRequests(String page, String size) {
        assertThatThrownBy(() -> PageRequest.of(page, size)).isInstanceOfSatisfying(EventoException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aPageCutsTheListAndKeepsTheTotal() {
        List<Integer> all = IntStream.range(0, 7).boxed().toList();
        assertThat(Page.of(all, PageRequest.of("1", "3"))).isEqualTo(new Page<>(List.of(3, 4, 5), 1, 3, 7));
        assertThat(Page.of(all, PageRequest.of("2", "3")).items()).containsExactly(6);
        assertThat(Page.of(all, PageRequest.of("9", "3")).items()).isEmpty();
    }

    @Test
    void quotedRequestTextIsCutShort() {
        assertThat(PageRequest.abbreviate("y".repeat(100))).hasSize(40).endsWith("...");
    }
}
