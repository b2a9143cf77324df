package io.evento.payara.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashTest {

    @Test
    void aHashNamesItsAlgorithmAndIterationsAndIsSaltedAnew() {
        // when
        String first = PasswordHash.of("evento-admin".toCharArray());
        String second = PasswordHash.of("evento-admin".toCharArray());

        // then
        String[] parts = first.split(":");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(parts[1]).isEqualTo("210000");
        assertThat(java.util.Base64.getDecoder().decode(parts[2])).hasSize(32);
        assertThat(java.util.Base64.getDecoder().decode(parts[3])).hasSize(32);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void anEmptyPasswordIsRefused() {
        assertThatThrownBy(() -> PasswordHash.of(new char[0])).hasMessageContaining("empty");
    }
}
