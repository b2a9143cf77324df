package io.evento.server.feed;

import io.evento.protocol.frame.EventsAvailable;
import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.connection.BundleConnection;
import io.evento.server.connection.LocalConnections;
import io.evento.server.store.StreamPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wakes consumers up: when this instance stores events it tells every instance (broadcast
 * {@value #CHANNEL}), and each instance pushes {@code events-available} to its consumer
 * connections, at most once per {@value #COALESCE_MILLIS} ms. A hint only: consumers also poll, so a
 * lost wake-up delays, never loses, events.
 */
@ApplicationScoped
public class EventNotifier {

    static final String CHANNEL = "events";
    static final long COALESCE_MILLIS = 10;

    private ClusterMessaging messaging;
    private LocalConnections connections;
    private io.evento.server.cluster.ExecutorHolder executors;


    private final AtomicReference<StreamPosition> latest = new AtomicReference<>(StreamPosition.START);
    private final AtomicBoolean broadcastPending = new AtomicBoolean();
    private final AtomicBoolean pushPending = new AtomicBoolean();
    private final AtomicReference<String> latestSeen = new AtomicReference<>("0.0");

    protected EventNotifier() {
        // for the CDI client proxy
    }

    @Inject
    public EventNotifier(ClusterMessaging messaging, LocalConnections connections, io.evento.server.cluster.ExecutorHolder executors) {
        this.messaging = messaging;
        this.connections = connections;
        this.executors = executors;
    }

    /** With the application, so that wake-ups from other instances are relayed from the beginning. */
    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        messaging.onBroadcast(CHANNEL, this::pushLocally);
    }

    /** Events were stored here, up to {@code position}. */
    public void stored(StreamPosition position) {
        latest.accumulateAndGet(position, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        if (broadcastPending.compareAndSet(false, true)) {
            executors.later(COALESCE_MILLIS, () -> {
                broadcastPending.set(false);
                messaging.broadcast(CHANNEL, latest.get().toString());
            });
        }
    }

    private void pushLocally(String head) {
        latestSeen.set(head);
        if (pushPending.compareAndSet(false, true)) {
            executors.later(COALESCE_MILLIS, () -> {
                pushPending.set(false);
                String current = latestSeen.get();
                for (BundleConnection connection : connections.all()) {
                    if (connection.registered() && connection.wantsWakeUps()) {
                        connection.send(new EventsAvailable(io.evento.server.connection.FrameIds.next(), current));
                    }
                }
            });
        }
    }
}
