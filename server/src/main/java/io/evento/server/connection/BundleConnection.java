package io.evento.server.connection;

import io.evento.protocol.FrameCodec;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.Hello;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One bundle instance connected to this server instance: its channel, its registration once the
 * handshake is done, whether it takes invocations, when it was last heard of, and the
 * invocations in flight to it (bounded).
 */
public final class BundleConnection {

    private static final System.Logger LOG = System.getLogger(BundleConnection.class.getName());

    private final FrameChannel channel;
    private final FrameCodec codec;
    private final String connectionKey;
    private final String memberId;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Hello registration;
    private volatile boolean enabled;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile long registeredAt;
    private volatile boolean fetchesEvents;
    private static final long MAX_BATCH_CHARS = 1 << 20;
    static final long MAX_QUEUED_CHARS = 64L << 20;
    private final java.util.concurrent.atomic.AtomicLong queuedChars = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.ConcurrentLinkedQueue<String> outbox = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean();

    public BundleConnection(FrameChannel channel, FrameCodec codec, String memberId) {
        this.channel = channel;
        this.codec = codec;
        this.connectionKey = memberId + "/" + channel.id();
        this.memberId = memberId;
    }

    /** The server member holding this connection. */
    public String memberId() {
        return memberId;
    }

    public String connectionKey() {
        return connectionKey;
    }

    public String sessionId() {
        return channel.id();
    }

    /**
     * Sends a frame; false when the connection is gone. Frames queued by other threads while a
     * send is under way leave together in the next message (an array), and so do the frames a
     * thread sends inside {@link #corked(Runnable)}: under load the per-message cost of the
     * WebSocket stack is shared by many frames.
     */
    public boolean send(Frame frame) {
        if (!channel.isOpen()) {
            return false;
        }
        String text = codec.encode(frame);
        if (queuedChars.addAndGet(text.length()) > MAX_QUEUED_CHARS) {
            LOG.log(System.Logger.Level.WARNING, "closing " + connectionKey + ": it does not read what it is sent ("
                    + queuedChars.get() + " characters waiting)");
            outbox.clear();
            queuedChars.set(0);
            channel.close(1008, "too slow: more than " + (MAX_QUEUED_CHARS >> 20) + " Mi characters waiting to be sent");
            return false;
        }
        outbox.add(text);
        if (!Corked.hold(this::drain, this)) {
            drain();
        }
        return channel.isOpen();
    }

    /**
     * Sends what is queued, one message (an array of frames) at a time, never waiting for the
     * network: the next message leaves when the previous one is written, from whichever thread
     * completes it. A bundle that stops reading gets its frames queued up to
     * {@value #MAX_QUEUED_CHARS} characters; beyond that the connection is closed (1008) instead of
     * holding memory or a thread.
     */
    private void drain() {
        while (!outbox.isEmpty() && sending.compareAndSet(false, true)) {
            java.util.List<String> batch = new java.util.ArrayList<>();
            long chars = 0;
            String next;
            while (chars < MAX_BATCH_CHARS && (next = outbox.poll()) != null) {
                batch.add(next);
                chars += next.length();
            }
            queuedChars.addAndGet(-chars);
            if (batch.isEmpty() || !channel.isOpen()) {
                sending.set(false);
                continue;
            }
            SendCompletion completion = new SendCompletion();
            try {
                channel.send(FrameCodec.message(batch), completion);
            } catch (RuntimeException e) {
                completion.accept(e);
            }
            if (!completion.returned()) {
                return;
            }
        }
    }

    /** Ends one send: the next may start; when it ended while {@code channel.send} was still running, the caller's loop goes on. */
    private final class SendCompletion implements java.util.function.Consumer<Throwable> {
        private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void accept(Throwable error) {
            if (error != null) {
                LOG.log(System.Logger.Level.DEBUG, "send to " + connectionKey + " failed: " + error);
                outbox.clear();
                queuedChars.set(0);
            }
            sending.set(false);
            if (!state.compareAndSet(0, 1)) {
                drain();
            }
        }

        /** Called after channel.send returned: true when the send had already completed (keep looping). */
        boolean returned() {
            return !state.compareAndSet(0, 2);
        }
    }

    /** Sends what is queued, then closes with a WebSocket close code and a reason. */
    public void close(int code, String reason) {
        drain();
        channel.close(code, reason);
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    public void heard() {
        lastHeardNanos = System.nanoTime();
    }

    public long silentNanos() {
        return System.nanoTime() - lastHeardNanos;
    }

    public boolean registered() {
        return registration != null;
    }

    public Hello registration() {
        return registration;
    }

    public void register(Hello hello) {
        this.registeredAt = System.currentTimeMillis();
        this.registration = hello;
    }

    /** When the handshake completed (epoch ms; 0 before). */
    public long registeredAt() {
        return registeredAt;
    }

    /** How many aggregate states the bundle keeps between commands (0: no aggregate cache). */
    public int aggregateCacheSize() {
        Hello hello = registration;
        return hello == null ? 0 : hello.aggregateCache();
    }

    /** The bundle fetched events on this connection: it reads the stream and wants wake-ups. */
    public void fetchesEvents() {
        fetchesEvents = true;
    }

    public String bundleId() {
        return registration == null ? null : registration.bundleId();
    }

    public String instanceId() {
        return registration == null ? null : registration.instanceId();
    }

    public boolean enabled() {
        return enabled;
    }

    public void enabled(boolean value) {
        this.enabled = value;
    }

    /**
     * Whether the connection wants {@code events-available} wake-ups: it registered a consumer
     * (projector, saga, observer) or it fetched events.
     */
    public boolean wantsWakeUps() {
        Hello hello = registration;
        return fetchesEvents || (hello != null && hello.components().stream().anyMatch(c -> c.kind() == ComponentKind.PROJECTOR
                || c.kind() == ComponentKind.SAGA || c.kind() == ComponentKind.OBSERVER));
    }

    /** Takes one in-flight slot; false when {@code limit} are taken. */
    public boolean tryAcquire(int limit) {
        int effective = registration != null && registration.maxInFlight() > 0 ? Math.min(limit, registration.maxInFlight()) : limit;
        while (true) {
            int current = inFlight.get();
            if (current >= effective) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public void release() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
