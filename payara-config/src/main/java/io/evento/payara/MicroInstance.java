package io.evento.payara;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process started with the {@link MicroRecipe}: its log goes to
 * {@code workDir/name.log}; {@link #close()} stops it and every child process, even on test failure.
 */
public final class MicroInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final MicroInstanceSpec spec;
    private final String baseUrl;
    private final Process process;

    private MicroInstance(MicroInstanceSpec spec, String baseUrl, Process process) {
        this.spec = spec;
        this.baseUrl = baseUrl;
        this.process = process;
    }

    /** Starts the instance; it is not ready yet (see {@link #awaitReady(Duration)}). */
    public static MicroInstance start(MicroRecipe recipe, MicroInstanceSpec spec) {
        String baseUrl = "http://" + recipe.bindAddress() + ":" + spec.httpPort();
        List<String> command = recipe.commandLine(spec);
        try {
            Files.createDirectories(spec.workDir());
            deleteRecursively(spec.workDir().resolve(spec.name() + "-root"));
            Path log = spec.workDir().resolve(spec.name() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            Map<String, String> settings = new HashMap<>(spec.isServer() ? recipe.defaults() : Map.of());
            settings.putAll(spec.environment());
            if (spec.isServer()) {
                settings.putIfAbsent("EVENTO_SERVER_URL", baseUrl);
                settings.putIfAbsent("EVENTO_SERVER_INSTANCE_ID", spec.name());
            }
            env.putAll(settings);
            Files.writeString(log, "# " + Instant.now() + " " + String.join(" ", command) + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
            return new MicroInstance(spec, baseUrl, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Payara Micro instance " + spec.name(), e);
        }
    }

    /** Waits until {@code /health/ready} answers 200, or fails with the tail of the log. */
    public MicroInstance awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with " + process.exitValue() + "\n" + logTail(60));
            }
            if (deploymentFailed()) {
                close();
                throw new IllegalStateException(spec.name() + ": the WAR failed to deploy\n" + logTail(80));
            }
            if (httpStatus("/health/ready") == 200) {
                return this;
            }
            sleep(250);
        }
        throw new IllegalStateException(spec.name() + " not ready after " + timeout + " (threads dumped into " + logFile() + ")\n"
                + threadDump() + "\n" + logTail(60));
    }

    /** The instance's threads (jcmd Thread.print), also appended to its log: what a start that never got ready waits for. */
    private String threadDump() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            Files.writeString(logFile(), dump, java.nio.file.StandardOpenOption.APPEND);
            return dump.lines().filter(line -> line.contains("evento") || line.startsWith("\"")).limit(80)
                    .collect(java.util.stream.Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    private boolean deploymentFailed() {
        try {
            return Files.readString(logFile()).contains("Exception while loading the app");
        } catch (IOException e) {
            return false;
        }
    }

    /** The HTTP status of a GET on this instance, or -1 when it does not answer. */
    public int httpStatus(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The response body of a GET, failing on any status but 200. */
    public String get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " on " + spec.name() + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public MicroInstanceSpec spec() {
        return spec;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return spec.workDir().resolve(spec.name() + ".log");
    }

    /** The last lines of the instance log. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills the process at once, like a crash (no graceful shutdown). */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** Stops gracefully, then forcibly after 30 s; also stops child processes. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!waitFor(Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A runtime folder left by an earlier start holds that start's domain configuration: start clean. */
    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
