package io.evento.faults;

import io.evento.protocol.frame.EventRecord;
import io.evento.protocol.frame.EventsFetched;
import io.evento.protocol.frame.FetchEvents;
import io.evento.protocol.frame.Frame;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A consumer paging through the whole stream with {@code fetch-events} from the start, as the
 * document says a consumer does, failing over between servers; it records every event it saw, in
 * the order it saw them.
 */
final class StreamReader implements AutoCloseable {

    /** An event as the reader saw it. */
    record Seen(String eventId, String aggregateId, long sequence) {
    }

    private final List<String> servers;
    private final String token;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String cursor = "0.0";

    StreamReader(List<String> servers, String token) {
        this.servers = List.copyOf(servers);
        this.token = token;
        this.thread = new Thread(this::run, "fault-stream-reader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        int next = 0;
        RawConnection connection = null;
        while (running) {
            try {
                if (connection == null || !connection.isOpen()) {
                    connection = RawConnection.open(servers.get(next++ % servers.size()), token, "fault-reader", "reader-1");
                }
                Frame answer = connection.request(new FetchEvents(UUID.randomUUID().toString(), "fault-reader:Reader:1:*", cursor,
                        List.of(), "*", 500)).get(10, TimeUnit.SECONDS);
                if (answer instanceof EventsFetched page) {
                    for (EventRecord event : page.events()) {
                        seen.add(new Seen(event.eventId(), event.aggregateId(), event.sequence()));
                    }
                    cursor = page.next();
                    if (page.events().isEmpty()) {
                        Thread.sleep(100);
                    }
                } else {
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (connection != null) {
                    connection.close();
                }
                connection = null;
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
        if (connection != null) {
            connection.close();
        }
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
