package io.evento.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every command the callers sent: each attempt and its answer, and how the command ended. */
final class History {

    /**
     * One send of a command.
     *
     * @param server    the server instance it went to
     * @param sentNanos when
     * @param outcome   {@code ok}, {@code duplicate}, a failure code, {@code lost} (connection dropped) or {@code silent} (no answer in time)
     * @param retryable whether the failure said retryable
     */
    record Attempt(String server, long sentNanos, String outcome, boolean retryable) {
    }

    /** How a command ended. */
    enum End {
        ACKED, FAILED, GAVE_UP
    }

    /** One command (one id), sent until acknowledged, failed for good or given up. */
    static final class Command {
        final String id;
        final String counter;
        final long startedNanos;
        final List<Attempt> attempts = new ArrayList<>();
        volatile End end;
        volatile String failure;
        volatile long ackedNanos;
        volatile String eventId;

        Command(String id, String counter) {
            this.id = id;
            this.counter = counter;
            this.startedNanos = System.nanoTime();
        }

        synchronized void attempt(Attempt attempt) {
            attempts.add(attempt);
        }

        synchronized List<Attempt> attempts() {
            return List.copyOf(attempts);
        }
    }

    private final Map<String, Command> commands = new ConcurrentHashMap<>();

    Command start(String id, String counter) {
        Command command = new Command(id, counter);
        commands.put(id, command);
        return command;
    }

    Collection<Command> commands() {
        return List.copyOf(commands.values());
    }
}
