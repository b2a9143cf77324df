package io.evento.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command a launcher runs (a server, its CLI), with its output in a log file under
 * {@code target/} and a bounded wait; {@link #stop()} ends the process and every process it started.
 */
final class ServerProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code dir} with extra environment variables; output goes to {@code log}. */
    static ServerProcess start(String name, List<String> command, Path dir, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new ServerProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command to its end within {@code timeout}; fails with the tail of its output unless it exits 0. */
    static void run(String name, List<String> command, Path dir, Map<String, String> environment, Path log, Duration timeout) {
        ServerProcess run = start(name, command, dir, environment, log);
        try {
            if (!run.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                run.stop();
                throw new IllegalStateException(name + " did not finish within " + timeout + ":\n" + run.tail());
            }
            if (run.process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + run.process.exitValue() + ":\n" + run.tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the output, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Ends the process tree: politely first, then by force. */
    void stop() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public String toString() {
        return name + " (log " + log + ")";
    }
}
