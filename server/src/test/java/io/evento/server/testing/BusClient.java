package io.evento.server.testing;

import io.evento.protocol.FrameCodec;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.Enable;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.Heartbeat;
import io.evento.protocol.frame.Hello;
import io.evento.protocol.frame.PayloadInfo;
import io.evento.protocol.frame.Welcome;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A raw protocol client for tests: the JDK's WebSocket, the protocol codec, nothing of the bundle
 * library. Frames received are queued; an optional responder answers invocations automatically.
 */
public final class BusClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final FrameCodec codec = new FrameCodec(64 << 20);
    private final java.util.LinkedList<Frame> inbox = new java.util.LinkedList<>();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private volatile Function<Frame, Frame> responder;
    private volatile java.util.concurrent.ScheduledExecutorService heartbeats;

    private BusClient(String baseUrl) {
        URI uri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/bus");
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, new Listener()).join();
    }

    /** Connects without saying hello. */
    public static BusClient connect(String baseUrl) {
        return new BusClient(baseUrl);
    }

    /** Connects, says hello with the given registration and enables the instance. */
    public static BusClient register(String baseUrl, String token, String bundleId, String instanceId,
                                     List<ComponentInfo> components, int maxInFlight) {
        return register(baseUrl, token, bundleId, instanceId, components, List.of(), maxInFlight);
    }

    /** Connects, says hello with components and payload types, and enables the instance. */
    public static BusClient register(String baseUrl, String token, String bundleId, String instanceId,
                                     List<ComponentInfo> components, List<PayloadInfo> payloads, int maxInFlight) {
        return register(baseUrl, token, bundleId, instanceId, components, payloads, maxInFlight, 0);
    }

    /** As above, announcing an aggregate cache of {@code aggregateCache} states (docs/protocol.md, "Aggregate cache"). */
    public static BusClient register(String baseUrl, String token, String bundleId, String instanceId,
                                     List<ComponentInfo> components, List<PayloadInfo> payloads, int maxInFlight, int aggregateCache) {
        BusClient client = connect(baseUrl);
        client.send(new Hello(UUID.randomUUID().toString(), Hello.PROTOCOL_VERSION, bundleId, 1, instanceId, token, components,
                payloads, maxInFlight, aggregateCache));
        client.await(Welcome.class, f -> true, Duration.ofSeconds(10));
        Enable enable = new Enable(UUID.randomUUID().toString());
        client.send(enable);
        client.awaitResponse(enable.id(), Duration.ofSeconds(10));
        return client;
    }

    /**
     * Sends a heartbeat every {@code period} until closed, like a live bundle; without it the raw
     * client is silent and the server drops it after three heartbeat periods.
     */
    public BusClient keepAlive(Duration period) {
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bus-client-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> {
            if (!isClosed() && !socket.isOutputClosed()) {
                try {
                    send(new Heartbeat(UUID.randomUUID().toString()));
                } catch (RuntimeException e) {
                    // closed meanwhile
                }
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        heartbeats = timer;
        return this;
    }

    /** Answers every invocation frame (invoke-*) with what the function returns (null: no answer). */
    public BusClient respondWith(Function<Frame, Frame> function) {
        this.responder = function;
        return this;
    }

    public void send(Frame frame) {
        sendText(codec.encode(frame));
    }

    public synchronized void sendText(String text) {
        socket.sendText(text, true).join();
    }

    public synchronized void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /**
     * The oldest received frame of the type matching the predicate, removed from the inbox; other
     * frames stay for other waiters (safe with concurrent waiters).
     */
    public <T extends Frame> T await(Class<T> type, Predicate<T> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inbox) {
            while (true) {
                for (java.util.Iterator<Frame> it = inbox.iterator(); it.hasNext(); ) {
                    Frame frame = it.next();
                    if (type.isInstance(frame) && matches.test(type.cast(frame))) {
                        it.remove();
                        return type.cast(frame);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + type.getSimpleName() + " within " + timeout + "; received: " + texts);
                }
                try {
                    inbox.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** The response frame whose correlation id is {@code requestId}. */
    public Frame awaitResponse(String requestId, Duration timeout) {
        return await(Frame.class, f -> f instanceof Frame.Response r && requestId.equals(r.correlationId()), timeout);
    }

    /** Sends a request and waits for its response. */
    public Frame request(Frame request, Duration timeout) {
        send(request);
        return awaitResponse(request.id(), timeout);
    }

    /** Every text frame received so far. */
    public List<String> texts() {
        return List.copyOf(texts);
    }

    /** The close code and reason ({@code code reason}) once the server closed the connection. */
    public String awaitClose(Duration timeout) {
        return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the TCP connection without a close handshake (like a crashed bundle). */
    public void abort() {
        socket.abort();
        closed.complete("aborted by the client");
    }

    @Override
    public void close() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                texts.add(text);
                for (FrameCodec.Decoded decoded : codec.decodeMessage(text)) {
                    Frame frame = decoded.frame();
                    Function<Frame, Frame> answer = responder;
                    Frame reply = answer == null ? null : answer.apply(frame);
                    if (reply != null) {
                        CompletableFuture.runAsync(() -> send(reply));
                    } else {
                        synchronized (inbox) {
                            inbox.add(frame);
                            inbox.notifyAll();
                        }
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete("error " + error);
        }
    }
}
