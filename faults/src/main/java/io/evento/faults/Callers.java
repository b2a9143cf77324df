package io.evento.faults;

import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.json.RawJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Callers as a careful client written from docs/protocol.md would be: each thread sends one
 * command at a time with a fresh id and, on a retryable failure, a silent server or a lost
 * connection, sends the same id again (through the next server when the connection is gone) until
 * the command is acknowledged, fails for good, or a minute has passed. Everything is recorded.
 */
final class Callers implements AutoCloseable {

    private static final long COMMAND_TIMEOUT_MILLIS = 4000;
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final List<String> servers;
    private final String token;
    private final History history;
    private final List<Thread> threads = new ArrayList<>();
    private volatile List<String> counters = List.of();
    private volatile boolean sending;

    Callers(List<String> servers, String token, History history) {
        this.servers = List.copyOf(servers);
        this.token = token;
        this.history = history;
    }

    /** Opens the counters (one command each, with the same care), then keeps {@code count} threads incrementing them. */
    void start(List<String> counterIds, int count) {
        Link link = new Link(0);
        for (String counter : counterIds) {
            send(link, "Open", counter);
        }
        link.close();
        counters = List.copyOf(counterIds);
        sending = true;
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread thread = new Thread(() -> run(index), "fault-caller-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops starting new commands and waits until every command under way has ended. */
    void settle() throws InterruptedException {
        sending = false;
        for (Thread thread : threads) {
            thread.join(GIVE_UP.toMillis() + 10_000);
        }
        threads.clear();
    }

    private void run(int index) {
        Link link = new Link(index);
        try {
            while (sending) {
                List<String> now = counters;
                send(link, "Increment", now.get(ThreadLocalRandom.current().nextInt(now.size())));
            }
        } finally {
            link.close();
        }
    }

    private void send(Link link, String type, String counter) {
        String id = UUID.randomUUID().toString();
        History.Command command = history.start(id, counter);
        SendCommand frame = new SendCommand(id, MessageKind.DOMAIN_COMMAND, type,
                RawJson.of("{\"counterId\":\"" + counter + "\",\"marker\":\"" + id + "\"}"), null, counter, null, COMMAND_TIMEOUT_MILLIS, "Caller");
        long giveUp = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < giveUp) {
            RawConnection connection = link.connection();
            if (connection == null) {
                pause(200);
                continue;
            }
            long sent = System.nanoTime();
            Frame answer;
            try {
                answer = connection.request(frame).get(COMMAND_TIMEOUT_MILLIS + 2000, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                command.attempt(new History.Attempt(connection.server(), sent, "silent", true));
                link.drop();
                continue;
            } catch (Exception e) {
                command.attempt(new History.Attempt(connection.server(), sent, "lost", true));
                link.drop();
                continue;
            }
            if (answer instanceof CommandResult result) {
                command.attempt(new History.Attempt(connection.server(), sent, result.duplicate() ? "duplicate" : "ok", false));
                command.eventId = result.event() == null ? null : result.event().eventId();
                command.ackedNanos = System.nanoTime();
                command.end = History.End.ACKED;
                return;
            }
            Failure failure = (Failure) answer;
            command.attempt(new History.Attempt(connection.server(), sent, failure.code(), failure.retryable()));
            if (!failure.retryable()) {
                command.failure = failure.code() + ": " + failure.message();
                command.end = History.End.FAILED;
                return;
            }
            pause(100);
        }
        command.end = History.End.GAVE_UP;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        settle();
    }

    /** One caller's connection, failing over to the next server when it is lost. */
    private final class Link {
        private final String instanceId = "caller-" + UUID.randomUUID().toString().substring(0, 8);
        private int next;
        private RawConnection current;

        Link(int first) {
            this.next = first;
        }

        RawConnection connection() {
            if (current != null && current.isOpen()) {
                return current;
            }
            for (int i = 0; i < servers.size(); i++) {
                String server = servers.get(next++ % servers.size());
                try {
                    current = RawConnection.open(server, token, "fault-callers", instanceId);
                    return current;
                } catch (Exception e) {
                    current = null;
                }
            }
            return null;
        }

        void drop() {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        void close() {
            drop();
        }
    }
}
