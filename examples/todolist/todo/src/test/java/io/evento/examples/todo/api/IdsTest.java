package io.evento.examples.todo.api;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void idsAreVersion7UuidsOfTheIetfVariant() {
        UUID id = UUID.fromString(Ids.newId());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void idsCarryTheirCreationTimeSoLaterMillisecondsSortLater() throws InterruptedException {
        // given
        long before = System.currentTimeMillis();
        String first = Ids.newId();
        Thread.sleep(3);
        // when
        String second = Ids.newId();
        // then
        long millis = UUID.fromString(first).getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, System.currentTimeMillis());
        assertThat(first).isLessThan(second);
    }

    @Test
    void aHundredThousandIdsAreAllDifferent() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(Ids.newId());
        }
        assertThat(ids).hasSize(100_000);
    }
}
