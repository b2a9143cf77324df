package io.evento.bench;

import io.evento.protocol.FrameCodec;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.Enable;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.Heartbeat;
import io.evento.protocol.frame.Hello;
import io.evento.protocol.frame.Welcome;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A minimal raw-protocol client for load generation: requests are matched to responses by
 * correlation id; invocations are answered by a function; heartbeats are sent.
 */
final class BenchClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final FrameCodec codec = new FrameCodec(64 << 20);
    private final Map<String, CompletableFuture<Frame>> waiting = new ConcurrentHashMap<>();
    private final WebSocket socket;
    private final Function<Frame, Frame> responder;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.ConcurrentLinkedQueue<String> outbox = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean();

    BenchClient(String baseUrl, String token, String bundleId, List<ComponentInfo> components, Function<Frame, Frame> responder) {
        this(baseUrl, token, bundleId, components, responder, 0);
    }

    BenchClient(String baseUrl, String token, String bundleId, List<ComponentInfo> components, Function<Frame, Frame> responder,
                int aggregateCache) {
        this.responder = responder;
        this.socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "/bus"), new Listener()).join();
        Frame welcome = request(new Hello(UUID.randomUUID().toString(), Hello.PROTOCOL_VERSION, bundleId, 1,
                bundleId + "-" + UUID.randomUUID().toString().substring(0, 8), token, components, List.of(), 0, aggregateCache)).join();
        if (!(welcome instanceof Welcome)) {
            throw new IllegalStateException("not welcomed: " + welcome);
        }
        request(new Enable(UUID.randomUUID().toString())).join();
        heartbeats.scheduleAtFixedRate(() -> send(new Heartbeat(UUID.randomUUID().toString())), 1, 1, TimeUnit.SECONDS);
    }

    CompletableFuture<Frame> request(Frame frame) {
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        waiting.put(frame.id(), answer);
        send(frame);
        return answer.orTimeout(60, TimeUnit.SECONDS);
    }

    /**
     * Sends a frame without blocking: frames queued while a message is on its way leave together
     * as the next message (an array), so the generator's per-message cost is shared like the server's.
     */
    void send(Frame frame) {
        outbox.add(codec.encode(frame));
        pump();
    }

    private void pump() {
        while (!outbox.isEmpty() && sending.compareAndSet(false, true)) {
            List<String> batch = new java.util.ArrayList<>();
            String next;
            while (batch.size() < 256 && (next = outbox.poll()) != null) {
                batch.add(next);
            }
            if (batch.isEmpty()) {
                sending.set(false);
                continue;
            }
            socket.sendText(FrameCodec.message(batch), true).whenComplete((ws, error) -> {
                sending.set(false);
                pump();
            });
            return;
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                List<FrameCodec.Decoded> frames = codec.decodeMessage(partial.toString());
                partial.setLength(0);
                for (FrameCodec.Decoded decoded : frames) {
                    Frame frame = decoded.frame();
                    CompletableFuture<Frame> waiter = frame instanceof Frame.Response response && response.correlationId() != null
                            ? waiting.remove(response.correlationId()) : null;
                    if (waiter != null) {
                        waiter.complete(frame);
                    } else if (responder != null && frame != null) {
                        Frame reply = responder.apply(frame);
                        if (reply != null) {
                            send(reply);
                        }
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
