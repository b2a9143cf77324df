package io.evento.server.security;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizationHeaderTest {

    @Test
    void basicGivesTheUserAndThePasswordWithItsColons() {
        // when
        var credential = AuthorizationHeader.parse("basic " + Base64.getEncoder().encodeToString("root:pa:ss".getBytes(StandardCharsets.UTF_8)));

        // then
        assertThat(credential).get().isInstanceOfSatisfying(UsernamePasswordCredential.class, c -> {
            assertThat(c.getCaller()).isEqualTo("root");
            assertThat(c.getPasswordAsString()).isEqualTo("pa:ss");
        });
    }

    @Test
    void bearerGivesTheToken() {
        assertThat(AuthorizationHeader.parse("Bearer  v1.abc.def ")).contains(new BearerCredential("v1.abc.def"));
    }

    @Test
    void noHeaderIsNoCredential() {
        assertThat(AuthorizationHeader.parse(null)).isEmpty();
        assertThat(AuthorizationHeader.parse("  ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic not-base64!", "Basic bm8tY29sb24=", "Digest abc", "Bearer ", "' OR 1=1 --"})
    void malformedHeadersAndOtherSchemesAreUnauthenticated(String header) {
        assertThatThrownBy(() -> AuthorizationHeader.parse(header))
                .isInstanceOfSatisfying(EventoException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }
}
