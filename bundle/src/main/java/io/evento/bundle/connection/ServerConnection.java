package io.evento.bundle.connection;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.FrameCodec;
import io.evento.protocol.frame.Disable;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bundle instance's connection to the Evento Servers. It connects to the first server of its
 * list that answers; when the connection drops (close, error, or three silent heartbeat periods)
 * it connects to the next one, says hello again with the same instance id and the full
 * registration, enables again if it was enabled, and re-sends every request still unanswered
 * with its same id (the server never executes a request twice).
 */
public final class ServerConnection implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ServerConnection.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final List<URI> servers;
    private final Supplier<Hello> hello;
    private final FrameCodec codec = new FrameCodec(64 << 20);
    private final Consumer<Frame> inbound;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final List<String> history = new CopyOnWriteArrayList<>();
    private final Object connectLock = new Object();

    private volatile WebSocket socket;
    private volatile boolean ready;
    private volatile boolean enabled;
    private volatile boolean closed;
    private volatile long heartbeatMillis = 5000;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile int next;
    private volatile String current;

    /**
     * @param servers   the servers' base URLs ({@code http://host:port}), tried in order
     * @param hello     a new hello frame (fresh id, same instance id) for each connection
     * @param inbound   receives invocations and pushes from the server (on a WebSocket thread: hand off quickly)
     * @param scheduler heartbeats, reconnects and request timeouts
     */
    public ServerConnection(List<String> servers, Supplier<Hello> hello, Consumer<Frame> inbound, ScheduledExecutorService scheduler) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one server URL is needed");
        }
        this.servers = servers.stream().map(url -> URI.create(url.replaceFirst("^http", "ws").replaceAll("/+$", "") + "/bus")).toList();
        this.hello = hello;
        this.inbound = inbound;
        this.scheduler = scheduler;
    }

    /** Connects, trying each server in turn, until one welcomes this instance or the timeout passes. */
    public void connect(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        scheduler.scheduleAtFixedRate(this::heartbeat, 500, 500, TimeUnit.MILLISECONDS);
        while (!closed && !tryConnect()) {
            if (System.nanoTime() > deadline) {
                throw new EventoException(ErrorCode.NOT_READY, "no Evento Server answered at " + servers);
            }
            sleep(500);
        }
    }

    private boolean tryConnect() {
        synchronized (connectLock) {
            if (closed) {
                return false;
            }
            for (int attempt = 0; attempt < servers.size(); attempt++) {
                URI uri = servers.get(next % servers.size());
                next++;
                try {
                    ready = false;
                    WebSocket webSocket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(3)).buildAsync(uri, new Listener()).get(5, TimeUnit.SECONDS);
                    socket = webSocket;
                    lastHeardNanos = System.nanoTime();
                    Hello greeting = hello.get();
                    CompletableFuture<Frame> welcome = track(greeting.id(), greeting, Long.MAX_VALUE, false);
                    transmit(greeting);
                    Frame answer = welcome.get(10, TimeUnit.SECONDS);
                    if (!(answer instanceof Welcome w)) {
                        throw new EventoException(ErrorCode.UNAUTHENTICATED, "the server refused the hello: " + describe(answer));
                    }
                    heartbeatMillis = w.heartbeatMillis();
                    if (enabled) {
                        Enable enable = new Enable(UUID.randomUUID().toString());
                        CompletableFuture<Frame> ack = track(enable.id(), enable, Long.MAX_VALUE, false);
                        transmit(enable);
                        ack.get(10, TimeUnit.SECONDS);
                    }
                    current = uri.toString();
                    history.add(current);
                    ready = true;
                    for (Pending request : pending.values()) {
                        if (request.resend) {
                            transmit(request.frame);
                        }
                    }
                    LOG.log(System.Logger.Level.INFO, "connected to " + uri + " as " + greeting.bundleId() + "/" + greeting.instanceId());
                    return true;
                } catch (Exception e) {
                    WebSocket broken = socket;
                    socket = null;
                    if (broken != null) {
                        broken.abort();
                    }
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof EventoException evento && evento.code() == ErrorCode.UNAUTHENTICATED) {
                        throw evento;
                    }
                    LOG.log(System.Logger.Level.DEBUG, "cannot connect to " + uri + ": " + cause);
                }
            }
            return false;
        }
    }

    /** Sends a request and completes with its response (a failure frame becomes an exception). */
    public CompletableFuture<Frame> request(Frame frame, long timeoutMillis) {
        CompletableFuture<Frame> answer = track(frame.id(), frame, timeoutMillis, true);
        if (ready) {
            transmit(frame);
        }
        return answer.thenApply(response -> {
            if (response instanceof Failure failure) {
                throw new EventoException(code(failure.code()), failure.message());
            }
            return response;
        });
    }

    /** Sends a frame that needs no answer (an answer to an invocation); dropped while disconnected. */
    public void send(Frame frame) {
        if (ready) {
            transmit(frame);
        }
    }

    /** Routes invocations to this instance from now on (also after reconnects). */
    public void enable() {
        enabled = true;
        request(new Enable(UUID.randomUUID().toString()), 10_000).join();
    }

    /** Stops routing to this instance (graceful shutdown). */
    public void disable() {
        enabled = false;
        if (ready) {
            request(new Disable(UUID.randomUUID().toString()), 10_000).exceptionally(e -> null).join();
        }
    }

    /** The server connected to now, or null. */
    public String currentServer() {
        return ready ? current : null;
    }

    /** Every server this connection registered with, in order. */
    public List<String> history() {
        return List.copyOf(history);
    }

    /** Drops the connection without a close handshake (tests: a network failure). */
    public void abort() {
        WebSocket webSocket = socket;
        if (webSocket != null) {
            webSocket.abort();
        }
    }

    private CompletableFuture<Frame> track(String id, Frame frame, long timeoutMillis, boolean resend) {
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        pending.put(id, new Pending(frame, answer, resend));
        if (timeoutMillis != Long.MAX_VALUE) {
            scheduler.schedule(() -> {
                Pending left = pending.remove(id);
                if (left != null) {
                    left.answer.completeExceptionally(new EventoException(ErrorCode.TIMEOUT_INDETERMINATE,
                            "no answer within " + timeoutMillis + " ms; the request may or may not have been executed"));
                }
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        }
        return answer;
    }

    private void transmit(Frame frame) {
        outbox.add(codec.encode(frame));
        while (!outbox.isEmpty()) {
            if (!sending.compareAndSet(false, true)) {
                return;
            }
            try {
                List<String> batch = new ArrayList<>();
                String text;
                while (batch.size() < 256 && (text = outbox.poll()) != null) {
                    batch.add(text);
                }
                WebSocket webSocket = socket;
                if (webSocket != null && !batch.isEmpty()) {
                    webSocket.sendText(FrameCodec.message(batch), true).get(10, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "send failed: " + e);
                dropped();
            } finally {
                sending.set(false);
            }
        }
    }

    private void heartbeat() {
        if (closed || !ready) {
            return;
        }
        if (System.nanoTime() - lastHeardNanos > TimeUnit.MILLISECONDS.toNanos(3 * heartbeatMillis)) {
            LOG.log(System.Logger.Level.WARNING, "no frame from " + current + " for 3 heartbeat periods: reconnecting");
            dropped();
            return;
        }
        if (System.nanoTime() - lastSentNanos > TimeUnit.MILLISECONDS.toNanos(heartbeatMillis)) {
            lastSentNanos = System.nanoTime();
            transmit(new Heartbeat(UUID.randomUUID().toString()));
        }
    }

    private volatile long lastSentNanos;

    /** The connection is gone: reconnect in the background. */
    private void dropped() {
        if (!ready || closed) {
            return;
        }
        ready = false;
        WebSocket broken = socket;
        socket = null;
        if (broken != null) {
            broken.abort();
        }
        scheduler.execute(() -> {
            while (!closed && !tryConnect()) {
                sleep(500);
            }
        });
    }

    private void received(String text) {
        lastHeardNanos = System.nanoTime();
        for (FrameCodec.Decoded decoded : codec.decodeMessage(text)) {
            Frame frame = decoded.frame();
            if (frame == null) {
                LOG.log(System.Logger.Level.WARNING, "unreadable frame from the server: " + decoded.error());
                continue;
            }
            if (frame instanceof Frame.Response response && response.correlationId() != null) {
                Pending request = pending.remove(response.correlationId());
                if (request != null) {
                    request.answer.complete(frame);
                    continue;
                }
            }
            if (!(frame instanceof Heartbeat)) {
                inbound.accept(frame);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        ready = false;
        WebSocket webSocket = socket;
        if (webSocket != null) {
            try {
                webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bundle stopping").get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                webSocket.abort();
            }
        }
        pending.values().forEach(p -> p.answer.completeExceptionally(new EventoException(ErrorCode.CANCELLED, "the bundle stopped")));
    }

    private static ErrorCode code(String name) {
        try {
            return ErrorCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return ErrorCode.INTERNAL;
        }
    }

    private static String describe(Frame frame) {
        return frame instanceof Failure f ? f.code() + ": " + f.message() : String.valueOf(frame);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(Frame frame, CompletableFuture<Frame> answer, boolean resend) {
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    received(text);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "frame handling failed", e);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            LOG.log(System.Logger.Level.INFO, "server closed the connection: " + statusCode + " " + reason);
            if (webSocket == socket) {
                dropped();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (webSocket == socket) {
                dropped();
            }
        }
    }
}
