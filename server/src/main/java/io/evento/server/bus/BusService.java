package io.evento.server.bus;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.FrameCodec;
import io.evento.protocol.frame.Ack;
import io.evento.protocol.frame.ConsumerReport;
import io.evento.protocol.frame.Disable;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.Enable;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.FetchEvents;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.Heartbeat;
import io.evento.protocol.frame.Hello;
import io.evento.protocol.frame.QueryHandled;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.frame.SendQuery;
import io.evento.protocol.frame.ServiceCommandHandled;
import io.evento.protocol.frame.Welcome;
import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.cluster.ExecutorHolder;
import io.evento.server.config.ServerSettings;
import io.evento.server.connection.BundleConnection;
import io.evento.server.connection.BundleRegistered;
import io.evento.server.connection.ConsumerReported;
import io.evento.server.connection.FrameChannel;
import io.evento.server.connection.LocalConnections;
import io.evento.server.connection.PendingReplies;
import io.evento.server.feed.EventFeed;
import io.evento.server.routing.ConnectionRoutes;
import io.evento.server.routing.MessageRouter;
import io.evento.server.routing.RouteDirectory;
import io.evento.server.telemetry.HandlerTelemetry;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What happens on a bundle connection: the handshake (first frame {@code hello}, token checked,
 * registration published to the cluster), heartbeats both ways, and every later frame dispatched
 * to routing, the event feed or the invocation waiting for it. Bad frames get a {@code failure}
 * naming the problem and the connection stays open; only a failed handshake closes it.
 */
@ApplicationScoped
public class BusService {

    static final int CLOSE_POLICY = 1008;
    static final int CLOSE_GOING_AWAY = 1001;
    private static final long HELLO_TIMEOUT_MILLIS = 10_000;

    private BusSettings settings;
    private ServerSettings server;
    private ClusterMessaging messaging;
    private LocalConnections connections;
    private RouteDirectory routes;
    private MessageRouter router;
    private EventFeed feed;
    private HandlerTelemetry telemetry;
    private ExecutorHolder executors;
    private PendingReplies replies;
    private Event<BundleRegistered> registered;
    private Event<ConsumerReported> reported;

    private FrameCodec codec;
    private Handshake handshake;
    private ScheduledFuture<?> ticker;

    protected BusService() {
        // for the CDI client proxy
    }

    @Inject
    public BusService(BusSettings settings, ServerSettings server, ClusterMessaging messaging, LocalConnections connections,
                      RouteDirectory routes, MessageRouter router, EventFeed feed, HandlerTelemetry telemetry, ExecutorHolder executors,
                      PendingReplies replies, Event<BundleRegistered> registered, Event<ConsumerReported> reported) {
        this.settings = settings;
        this.server = server;
        this.messaging = messaging;
        this.connections = connections;
        this.routes = routes;
        this.router = router;
        this.feed = feed;
        this.telemetry = telemetry;
        this.executors = executors;
        this.replies = replies;
        this.registered = registered;
        this.reported = reported;
    }

    @PostConstruct
    void start() {
        codec = new FrameCodec(settings.maxFrameBytes());
        handshake = new Handshake(settings);
        long period = settings.heartbeat().toMillis();
        ticker = executors.scheduler().scheduleAtFixedRate(() -> executors.executor().execute(this::tick), period, period,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.cancel(false);
        }
        for (BundleConnection connection : connections.all()) {
            connection.close(CLOSE_GOING_AWAY, "server shutting down");
            closed(connection);
        }
    }

    public FrameCodec codec() {
        return codec;
    }

    /** A new WebSocket connection; it has {@value #HELLO_TIMEOUT_MILLIS} ms to say hello. */
    public BundleConnection opened(FrameChannel channel) {
        BundleConnection connection = new BundleConnection(channel, codec, messaging.localMemberId());
        connections.add(connection);
        executors.later(HELLO_TIMEOUT_MILLIS, () -> {
            if (!connection.registered() && connection.isOpen()) {
                connection.close(CLOSE_POLICY, "PROTOCOL_VIOLATION: no hello within 10 s");
                closed(connection);
            }
        });
        return connection;
    }

    /** A text message arrived: one frame or a batch of frames. */
    public void received(BundleConnection connection, String text) {
        connection.heard();
        for (FrameCodec.Decoded decoded : codec.decodeMessage(text)) {
            if (decoded.error() != null) {
                connection.send(failure(decoded.id(), decoded.error().code(), decoded.error().getMessage()));
            } else {
                received(connection, decoded.frame());
            }
        }
    }

    private void received(BundleConnection connection, Frame frame) {
        if (!connection.isOpen()) {
            return;
        }
        if (!connection.registered()) {
            if (frame instanceof Hello hello) {
                register(connection, hello);
            } else {
                connection.send(failure(frame.id(), ErrorCode.PROTOCOL_VIOLATION, "the first frame must be hello"));
                connection.close(CLOSE_POLICY, "PROTOCOL_VIOLATION: the first frame must be hello");
                closed(connection);
            }
            return;
        }
        dispatch(connection, frame);
    }

    /** A binary frame arrived: not part of the protocol. */
    public void receivedBinary(BundleConnection connection) {
        connection.heard();
        connection.send(failure(null, ErrorCode.MALFORMED_FRAME, "binary frames are not supported; send JSON text frames"));
    }

    private void dispatch(BundleConnection connection, Frame frame) {
        if (frame instanceof Heartbeat) {
            return;
        }
        if (frame instanceof SendCommand command) {
            telemetry.sent(connection.bundleId(), command.sender(), command.payloadType());
            long deadline = settings.deadline(System.currentTimeMillis(), command.timeoutMillis());
            executors.executor().execute(() -> router.submit(connection, command, deadline));
        } else if (frame instanceof SendQuery query) {
            telemetry.sent(connection.bundleId(), query.sender(), query.payloadType());
            long deadline = settings.deadline(System.currentTimeMillis(), query.timeoutMillis());
            executors.executor().execute(() -> router.submit(connection, query, deadline));
        } else if (frame instanceof FetchEvents fetch) {
            executors.executor().execute(() -> fetch(connection, fetch));
        } else if (frame instanceof DomainCommandHandled || frame instanceof ServiceCommandHandled || frame instanceof QueryHandled) {
            String correlationId = ((Frame.Response) frame).correlationId();
            if (!router.answered(connection, correlationId, frame, false)) {
                connection.send(failure(frame.id(), ErrorCode.PROTOCOL_VIOLATION, "no invocation " + correlationId
                        + " is waiting for an answer on this connection (late or unknown)"));
            }
        } else if (frame instanceof Failure failure) {
            if (failure.correlationId() != null && !router.answered(connection, failure.correlationId(), failure, true)) {
                replies.answered(connection, failure.correlationId(), failure);
            }
        } else if (frame instanceof Enable || frame instanceof Disable) {
            connection.enabled(frame instanceof Enable);
            publish(connection);
            connection.send(new Ack(UUID.randomUUID().toString(), frame.id()));
        } else if (frame instanceof Hello) {
            connection.send(failure(frame.id(), ErrorCode.PROTOCOL_VIOLATION, "this connection is already registered"));
        } else if (frame instanceof Ack ack) {
            replies.answered(connection, ack.correlationId(), ack);
        } else if (frame instanceof ConsumerReport report) {
            reported.fire(new ConsumerReported(connection, report));
        } else {
            connection.send(failure(frame.id(), ErrorCode.PROTOCOL_VIOLATION, "a bundle does not send " + frameType(frame) + " frames"));
        }
    }

    private void fetch(BundleConnection connection, FetchEvents fetch) {
        try {
            connection.send(feed.fetch(fetch));
        } catch (EventoException e) {
            connection.send(failure(fetch.id(), e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            connection.send(failure(fetch.id(), ErrorCode.INTERNAL, "fetching events failed: " + e.getMessage()));
        }
    }

    private void register(BundleConnection connection, Hello hello) {
        try {
            handshake.check(hello);
        } catch (EventoException e) {
            connection.send(failure(hello.id(), e.code(), e.getMessage()));
            connection.close(CLOSE_POLICY, reason(e.code() + ": " + e.getMessage()));
            closed(connection);
            return;
        }
        for (BundleConnection other : connections.all()) {
            if (other != connection && other.registered() && hello.bundleId().equals(other.bundleId())
                    && hello.instanceId().equals(other.instanceId())) {
                other.close(CLOSE_POLICY, "replaced by a newer connection of the same bundle instance");
                closed(other);
            }
        }
        connection.register(hello);
        publish(connection);
        registered.fire(new BundleRegistered(connection, hello));
        connection.send(new Welcome(UUID.randomUUID().toString(), hello.id(), server.instanceId(), connection.sessionId(),
                settings.heartbeat().toMillis(), settings.maxFrameBytes()));
    }

    private void publish(BundleConnection connection) {
        routes.publish(Handshake.routes(connection.connectionKey(), messaging.localMemberId(), connection.registration(),
                connection.enabled()));
    }

    /** The connection is gone (closed by either side): its handlers leave the cluster's routing table at once. */
    public void closed(BundleConnection connection) {
        connections.remove(connection);
        routes.withdraw(connection.connectionKey());
        router.closed(connection);
    }

    /** Every heartbeat period: heartbeats out, silent connections dropped, routing table reconciled. */
    void tick() {
        long silenceLimit = 3 * settings.heartbeat().toNanos();
        for (BundleConnection connection : connections.all()) {
            if (connection.silentNanos() > silenceLimit) {
                connection.close(CLOSE_GOING_AWAY, "heartbeat timeout: nothing received for 3 periods");
                closed(connection);
            } else if (connection.registered()) {
                connection.send(new Heartbeat(UUID.randomUUID().toString()));
            }
        }
        Set<String> members = messaging.memberIds();
        Set<String> published = routes.all().stream().map(ConnectionRoutes::connectionKey).collect(Collectors.toSet());
        routes.all().stream().map(ConnectionRoutes::memberId).filter(m -> !members.contains(m)).distinct()
                .forEach(routes::withdrawMember);
        for (BundleConnection connection : connections.all()) {
            if (connection.registered() && connection.isOpen() && !published.contains(connection.connectionKey())) {
                publish(connection);
            }
        }
    }

    private static Failure failure(String correlationId, ErrorCode code, String message) {
        return new Failure(UUID.randomUUID().toString(), correlationId, code.name(), message, code.retryable(), null);
    }

    private static String frameType(Frame frame) {
        return frame.getClass().getSimpleName();
    }

    /** WebSocket close reasons are limited to 123 bytes. */
    static String reason(String text) {
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
