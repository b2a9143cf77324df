package io.evento.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code evento} command in process: describing the TodoList WARs, bad input, version bumps. */
class EventoCommandTest {

    private static Path war(String name) {
        return Path.of(System.getProperty(name + ".war", "../examples/todolist/" + name + "/target/" + name + ".war"));
    }

    /** Runs the command line; the exit code, what it printed and what it complained about. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream complained = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(complained, true, StandardCharsets.UTF_8));
            int exit = Evento.run(args);
            return new Run(exit, printed.toString(StandardCharsets.UTF_8), complained.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.isTextual() ? n.asText() : n.get("name").asText()));
        return texts;
    }

    @Nested
    class Describe {

        @Test
        void theUsersWarIsDescribedWithExactlyItsComponentsHandlersPayloadsAndSentMessages() throws Exception {
            // when
            Run run = run("describe", war("users").toString());

            // then
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode description = Json.MAPPER.readTree(run.out());
            assertThat(description.get("bundleId").asText()).isEqualTo("users");
            assertThat(description.get("bundleVersion").asLong()).isEqualTo(1);
            assertThat(texts(description.get("components")))
                    .containsExactly("AuditObserver", "AuditService", "AuditTrail", "ListQuotaSaga", "UserAggregate");
            JsonNode saga = description.get("components").get(3);
            assertThat(saga.get("kind").asText()).isEqualTo("SAGA");
            assertThat(saga.get("handlers")).extracting(h -> h.get("payload").asText() + " -> " + texts(h.get("sends")))
                    .containsExactlyInAnyOrder("TodoListCreated -> [DeleteTodoList, ReserveListSlot]", "TodoListDeleted -> [ReleaseListSlot]");
            assertThat(description.get("components").get(0).get("handlers")).extracting(h -> texts(h.get("sends")))
                    .containsOnly(List.of("RecordAudit"));
            List<String> payloads = texts(description.get("payloads"));
            assertThat(payloads).contains("TodoListCreated", "ReserveListSlot", "DeleteTodoList", "RecordAudit", "AuditRecorded", "GetAuditTrail");
            assertThat(description.get("payloads")).allSatisfy(p -> assertThat(p.get("schema").get("type").asText()).isEqualTo("object"));
        }

        @Test
        void theInvokersSendsAreNotHandlersSoTheTodoWarListsItsFourComponents() throws Exception {
            Run run = run("describe", war("todo").toString(), "--bundle-version", "7");
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode description = Json.MAPPER.readTree(run.out());
            assertThat(description.get("bundleVersion").asLong()).isEqualTo(7);
            assertThat(texts(description.get("components")))
                    .containsExactly("TodoInvoker", "TodoListAggregate", "TodoListProjection", "TodoListProjector");
        }
    }

    @Nested
    class BadInput {

        @Test
        void aMissingFileIsNamed(@TempDir Path dir) {
            Run run = run("describe", dir.resolve("nothing.war").toString());
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.err()).contains("no such file").contains("nothing.war");
        }

        @Test
        void aFileThatIsNoZipIsNoJarOrWar(@TempDir Path dir) throws Exception {
            Path script = Files.writeString(dir.resolve("bundle.jar"), "#!/bin/sh\necho hi\n");
            Run run = run("describe", script.toString());
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.err()).contains("is not a jar or war");
        }

        @Test
        void aJarWithoutClassesSaysSo(@TempDir Path dir) throws Exception {
            Path jar = zip(dir.resolve("empty.jar"), "README.txt", "nothing here");
            Run run = run("describe", jar.toString(), "--bundle-id", "empty");
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.err()).contains("holds no classes");
        }

        @Test
        void aJarOfClassesThatAreNoComponentsIsNoBundle(@TempDir Path dir) throws Exception {
            Path jar = zip(dir.resolve("plain.jar"), "io/evento/cli/EventoCommandTest.class",
                    new String(Files.readAllBytes(Path.of("target/test-classes/io/evento/cli/EventoCommandTest.class")), StandardCharsets.ISO_8859_1));
            Run run = run("describe", jar.toString(), "--bundle-id", "plain");
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.err()).contains("is not an Evento bundle");
        }

        @Test
        void aBundleThatDeclaresNoIdNeedsOne(@TempDir Path dir) throws Exception {
            Path jar = zip(dir.resolve("plain.jar"), "io/evento/cli/EventoCommandTest.class",
                    new String(Files.readAllBytes(Path.of("target/test-classes/io/evento/cli/EventoCommandTest.class")), StandardCharsets.ISO_8859_1));
            Run run = run("describe", jar.toString());
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.err()).contains("declares no evento.bundle.id").contains("--bundle-id");
        }

        @Test
        void publishingToSomethingThatIsNoServerUrlOrToNothingFails() {
            Run notUrl = run("publish", war("users").toString(), "--server", "ftp://127.0.0.1", "--user", "admin", "--password-env", "PATH");
            assertThat(notUrl.exit()).isEqualTo(3);
            assertThat(notUrl.err()).contains("is not a server URL");
            Run nobody = run("publish", war("users").toString(), "--server", "http://127.0.0.1:1", "--user", "admin", "--password-env", "PATH");
            assertThat(nobody.exit()).isEqualTo(5);
            assertThat(nobody.err()).contains("cannot reach http://127.0.0.1:1/");
        }

        @Test
        void publishingWithoutAPasswordInTheEnvironmentFailsBeforeReadingAnything() {
            Run run = run("publish", war("users").toString(), "--server", "http://127.0.0.1:1", "--user", "admin",
                    "--password-env", "EVENTO_NO_SUCH_VARIABLE_" + System.nanoTime());
            assertThat(run.exit()).isEqualTo(3);
            assertThat(run.err()).contains("set the password of admin in the environment variable");
        }

        @Test
        void aMissingOptionIsAUsageError() {
            Run run = run("publish", war("users").toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("Missing required options").contains("--server");
        }

        @Test
        void helpListsTheCommands() {
            Run run = run("--help");
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("describe").contains("publish").contains("update-version");
        }
    }

    @Nested
    class UpdateVersion {

        @Test
        void raisesTheDeclaredVersionByOneKeepingTheRest(@TempDir Path dir) throws Exception {
            // given
            Path config = Files.writeString(dir.resolve("microprofile-config.properties"),
                    "# the bundle\nevento.bundle.id=todo\nevento.bundle.version = 4\ntodo.db.url=jdbc:postgresql://127.0.0.1/todo\n");

            // when
            Run run = run("update-version", "--file", config.toString());

            // then
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(Files.readAllLines(config)).containsExactly("# the bundle", "evento.bundle.id=todo", "evento.bundle.version = 5",
                    "todo.db.url=jdbc:postgresql://127.0.0.1/todo");
        }

        @Test
        void neverLowersAVersionAndNamesAMissingFile(@TempDir Path dir) throws Exception {
            Path config = Files.writeString(dir.resolve("c.properties"), "evento.bundle.version=4\n");
            Run lower = run("update-version", "--file", config.toString(), "--to", "3");
            assertThat(lower.exit()).isEqualTo(3);
            assertThat(lower.err()).contains("not above the current 4");
            assertThat(Files.readString(config)).isEqualTo("evento.bundle.version=4\n");
            Run missing = run("update-version", "--file", dir.resolve("none.properties").toString());
            assertThat(missing.exit()).isEqualTo(3);
            assertThat(missing.err()).contains("no such file");
        }
    }

    private static Path zip(Path target, String entry, String content) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
        return target;
    }
}
