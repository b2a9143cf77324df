package io.evento.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.publish.BundleDescription;
import io.evento.protocol.publish.PublishRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;

/**
 * {@code evento publish ARTIFACT --server URL --user NAME}: describes the bundle and uploads the
 * description with the artifact ({@code POST /api/published-bundles}) as a user with the publish
 * (or admin) role; the password comes from an environment variable, never the command line.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Describes the bundle and publishes it with its artifact to an Evento server.")
final class PublishCommand implements Callable<Integer> {

    @Mixin
    BundleOptions bundle = new BundleOptions();

    @Option(names = "--server", required = true, description = "a server's base URL, e.g. http://127.0.0.1:8080")
    String server;

    @Option(names = "--user", required = true, description = "a user with the publish or admin role")
    String user;

    @Option(names = "--password-env", defaultValue = "EVENTO_PASSWORD",
            description = "the environment variable holding the user's password (default: ${DEFAULT-VALUE})")
    String passwordVariable;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String password = System.getenv(passwordVariable);
        if (password == null || password.isEmpty()) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "set the password of " + user + " in the environment variable " + passwordVariable);
        }
        URI base = base(server);
        BundleDescription description = BundleReader.describe(bundle.artifact, bundle.bundleId, bundle.bundleVersion);
        String body = Json.write(new PublishRequest(description, bundle.artifact.getFileName().toString(),
                Base64.getEncoder().encodeToString(Files.readAllBytes(bundle.artifact))));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/published-bundles")).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException e) {
            throw new EventoException(ErrorCode.NOT_READY, "cannot reach " + base + ": " + e);
        } catch (IOException e) {
            throw new EventoException(ErrorCode.NOT_READY, "the connection to " + base + " failed: " + e);
        }
        if (response.statusCode() == 201) {
            spec.commandLine().getOut().println("published " + description.bundleId() + " version " + description.bundleVersion() + " ("
                    + description.components().size() + " components) to " + base);
            return 0;
        }
        throw refusal(response);
    }

    private static URI base(String server) {
        try {
            URI uri = URI.create(server.endsWith("/") ? server : server + "/");
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "--server '" + server + "' is not a server URL (http://host:port): " + e.getMessage());
        }
    }

    /** The server's problem answer as an error with its code, or the status when the answer is none. */
    private static EventoException refusal(HttpResponse<String> response) {
        String detail = response.body();
        ErrorCode code = switch (response.statusCode()) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_READY;
            default -> ErrorCode.INTERNAL;
        };
        try {
            JsonNode problem = Json.MAPPER.readTree(response.body());
            if (problem != null && problem.hasNonNull("code")) {
                code = ErrorCode.valueOf(problem.get("code").asText());
            }
            if (problem != null && problem.hasNonNull("detail")) {
                detail = problem.get("detail").asText();
            }
        } catch (IOException | IllegalArgumentException e) {
            // not a problem answer: keep the status and the body
        }
        String hint = code == ErrorCode.UNAUTHENTICATED ? " (wrong user or password)"
                : code == ErrorCode.FORBIDDEN ? " (the user lacks the publish role)"
                : response.statusCode() == 404 ? " (is this an Evento server?)" : "";
        return new EventoException(code, "the server refused the upload with " + response.statusCode() + ": " + detail + hint);
    }
}
