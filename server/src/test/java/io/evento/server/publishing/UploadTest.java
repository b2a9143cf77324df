package io.evento.server.publishing;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadTest {

    private static final String ZIP = Base64.getEncoder().encodeToString(new byte[]{'P', 'K', 3, 4, 0, 0});
    private static final String DESCRIPTION = "{\"bundleId\":\"todo\",\"bundleVersion\":2,\"components\":[{\"name\":\"TodoInvoker\","
            + "\"kind\":\"INVOKER\",\"version\":1,\"handlers\":[]}],\"payloads\":[{\"name\":\"CreateTodoList\",\"kind\":\"DOMAIN_COMMAND\","
            + "\"schema\":{\"type\":\"object\"}}]}";

    private static Upload read(String body) {
        return Upload.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String body(String description, String name, String artifact) {
        return "{\"description\":" + description + ",\"artifactName\":" + name + ",\"artifact\":" + artifact + "}";
    }

    @Nested
    class AGoodUpload {

        @Test
        void givesTheDescriptionTheArtifactAndItsDigest() {
            // when
            Upload upload = read(body(DESCRIPTION, "\"todo.war\"", "\"" + ZIP + "\""));

            // then
            assertThat(upload.description().bundleId()).isEqualTo("todo");
            assertThat(upload.description().bundleVersion()).isEqualTo(2);
            assertThat(upload.description().payloads().get(0).schema().json()).isEqualTo("{\"type\":\"object\"}");
            assertThat(upload.artifact()).hasSize(6);
            assertThat(upload.sha256()).hasSize(64).isEqualTo(Upload.read(new ByteArrayInputStream(
                    body(DESCRIPTION, "\"todo.war\"", "\"" + ZIP + "\"").getBytes(StandardCharsets.UTF_8))).sha256());
        }
    }

    @Nested
    class ABadUpload {

        @ParameterizedTest
        @ValueSource(strings = {"", "not json", "[]", "{\"artifactName\":\"a.jar\"}"})
        void thatIsNoPublishRequestIsRefused(String body) {
            assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(EventoException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }

        @Test
        void aDescriptionWithoutComponentsOrWithABadIdOrVersionIsRefusedNamingTheField() {
            assertThatThrownBy(() -> read(body(DESCRIPTION.replaceAll("\"components\":\\[.*\\],\"payloads\"", "\"components\":[],\"payloads\""),
                    "\"a.jar\"", "\"" + ZIP + "\""))).hasMessageContaining("at least one component");
            assertThatThrownBy(() -> read(body(DESCRIPTION.replace("\"bundleVersion\":2", "\"bundleVersion\":0"), "\"a.jar\"", "\"" + ZIP + "\"")))
                    .hasMessageContaining("bundleVersion must be 1 or more");
            assertThatThrownBy(() -> read(body(DESCRIPTION.replace("\"todo\"", "\"../x'); DROP TABLE evento_event; --\""), "\"a.jar\"",
                    "\"" + ZIP + "\""))).hasMessageContaining("bundleId contains '/'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"../../etc/passwd.jar\"", "\"todo.exe\"", "\"\"", "null", "\"a b.war\""})
        void anArtifactNameThatIsNoPlainJarOrWarNameIsRefused(String name) {
            assertThatThrownBy(() -> read(body(DESCRIPTION, name, "\"" + ZIP + "\""))).hasMessageContaining("artifactName");
        }

        @Test
        void anArtifactThatIsNoBase64OrNoZipIsRefused() {
            assertThatThrownBy(() -> read(body(DESCRIPTION, "\"a.jar\"", "\"%%%\""))).hasMessageContaining("not base64");
            assertThatThrownBy(() -> read(body(DESCRIPTION, "\"a.jar\"", "\"" + Base64.getEncoder().encodeToString("#!/bin/sh".getBytes(
                    StandardCharsets.UTF_8)) + "\""))).hasMessageContaining("not a jar or war");
            assertThatThrownBy(() -> read(body(DESCRIPTION, "\"a.jar\"", "null"))).hasMessageContaining("no artifact");
        }

        @Test
        void aBodyOverTheLimitIsRefusedWithoutReadingTheRest() {
            // given a body one byte over the limit, then endless
            InputStream endless = new InputStream() {
                long served;

                @Override
                public int read() {
                    served++;
                    return 'x';
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
                    served += length;
                    return length;
                }
            };

            // then
            assertThatThrownBy(() -> Upload.read(endless)).isInstanceOfSatisfying(EventoException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
        }
    }
}
