package io.evento.faults;

import io.evento.protocol.FrameCodec;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.Enable;
import io.evento.protocol.frame.Failure;
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

/**
 * One connection to one server instance, speaking the protocol as docs/protocol.md describes it
 * and nothing more: {@code hello} as an invoker, {@code enable}, heartbeats both ways, requests
 * matched to answers by correlation id. It closes itself when the server is silent for three
 * heartbeat periods; a closed connection fails every request waiting on it.
 */
final class RawConnection implements AutoCloseable {

    /** The connection was lost before an answer came. */
    static final class Lost extends RuntimeException {
        Lost(String message) {
            super(message, null, false, false);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ScheduledExecutorService TIMERS = Executors.newScheduledThreadPool(1, r -> {
        Thread thread = new Thread(r, "fault-raw-timers");
        thread.setDaemon(true);
        return thread;
    });

    private final String server;
    private final FrameCodec codec = new FrameCodec(64 << 20);
    private final Map<String, CompletableFuture<Frame>> waiting = new ConcurrentHashMap<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private volatile long lastHeard = System.nanoTime();
    private volatile long heartbeatMillis = 5000;

    private RawConnection(String server) throws Exception {
        this.server = server;
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(2))
                .buildAsync(URI.create(server.replaceFirst("^http", "ws") + "/bus"), new Listener()).get(3, TimeUnit.SECONDS);
    }

    /** Connects and registers as an invoker bundle instance; fails when the server does not welcome it within a few seconds. */
    static RawConnection open(String server, String token, String bundleId, String instanceId) throws Exception {
        RawConnection connection = new RawConnection(server);
        try {
            Frame welcome = connection.request(new Hello(UUID.randomUUID().toString(), Hello.PROTOCOL_VERSION, bundleId, 1, instanceId,
                    token, List.of(new ComponentInfo("Caller", ComponentKind.INVOKER, 1, List.of(), null)), List.of(), 0)).get(5, TimeUnit.SECONDS);
            if (!(welcome instanceof Welcome w)) {
                throw new IllegalStateException("not welcomed by " + server + ": " + welcome);
            }
            connection.heartbeatMillis = w.heartbeatMillis();
            connection.request(new Enable(UUID.randomUUID().toString())).get(5, TimeUnit.SECONDS);
            connection.keepAlive();
            return connection;
        } catch (Exception e) {
            connection.close();
            throw e;
        }
    }

    String server() {
        return server;
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    /** Sends a request; the future completes with its answer, or fails with {@link Lost}. */
    CompletableFuture<Frame> request(Frame request) {
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        waiting.put(request.id(), answer);
        if (closed.isDone()) {
            lost("closed before sending");
            return answer;
        }
        synchronized (this) {
            socket.sendText(codec.encode(request), true).exceptionally(error -> {
                lost("send failed: " + error);
                return null;
            });
        }
        return answer;
    }

    private void keepAlive() {
        TIMERS.schedule(new Runnable() {
            @Override
            public void run() {
                if (closed.isDone()) {
                    return;
                }
                if (System.nanoTime() - lastHeard > TimeUnit.MILLISECONDS.toNanos(3 * heartbeatMillis)) {
                    close();
                    return;
                }
                synchronized (RawConnection.this) {
                    socket.sendText(codec.encode(new Heartbeat(UUID.randomUUID().toString())), true);
                }
                TIMERS.schedule(this, Math.max(100, heartbeatMillis / 2), TimeUnit.MILLISECONDS);
            }
        }, Math.max(100, heartbeatMillis / 2), TimeUnit.MILLISECONDS);
    }

    private void lost(String why) {
        closed.complete(why);
        waiting.forEach((id, answer) -> answer.completeExceptionally(new Lost("connection to " + server + " lost: " + why)));
        waiting.clear();
    }

    @Override
    public void close() {
        socket.abort();
        lost("closed by the client");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastHeard = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                for (FrameCodec.Decoded decoded : codec.decodeMessage(text)) {
                    Frame frame = decoded.frame();
                    if (frame instanceof Frame.Response response && response.correlationId() != null) {
                        CompletableFuture<Frame> answer = waiting.remove(response.correlationId());
                        if (answer != null) {
                            answer.complete(frame);
                        }
                    } else if (frame == null && decoded.id() != null) {
                        CompletableFuture<Frame> answer = waiting.remove(decoded.id());
                        if (answer != null) {
                            answer.complete(new Failure(UUID.randomUUID().toString(), decoded.id(), "MALFORMED_FRAME",
                                    "unreadable answer", false, null));
                        }
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lost("error " + error);
        }
    }
}
