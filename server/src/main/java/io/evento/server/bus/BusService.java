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
import io.evento.server.command.Invocations;
import io.evento.server.command.LocalCommandExecutor;
import io.evento.server.config.ServerSettings;
import io.evento.server.connection.BundleConnection;
import io.evento.server.connection.BundleRegistered;
import io.evento.server.connection.Corked;
import io.evento.server.connection.ConsumerReported;
import io.evento.server.connection.FrameChannel;
import io.evento.server.connection.FrameIds;
import io.evento.server.connection.LocalConnections;
import io.evento.server.connection.PendingReplies;
import io.evento.server.feed.EventFeed;
import io.evento.server.routing.ConnectionRoutes;
import io.evento.server.routing.RequestRouter;
import io.evento.server.routing.RouteDirectory;
import io.evento.server.telemetry.HandlerTelemetry;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What happens on a bundle connection: the handshake (first frame {@code hello}, token checked,
 * registration published to the cluster, an older connection of the same bundle instance closed
 * wherever it is), heartbeats both ways, and every later frame dispatched: requests to the
 * {@link RequestRouter} on the thread that read them (so the order of a batch is kept), answers to
 * the invocation waiting for them, fetches to the event feed. Bad frames get a {@code failure}
 * naming the problem and the connection stays open; any failure before the handshake is done
 * closes it (1008).
 */
@ApplicationScoped
public class BusService {

    static final int CLOSE_POLICY = 1008;
    static final int CLOSE_GOING_AWAY = 1001;
    /** Channel on which a member asks another to close a connection a newer one replaced. */
    static final String REPLACED_CHANNEL = "connection-replaced";
    private static final long HELLO_TIMEOUT_MILLIS = 10_000;
    private static final String REPLACED = "replaced by a newer connection of the same bundle instance";

    private BusSettings settings;
    private ServerSettings server;
    private ClusterMessaging messaging;
    private LocalConnections connections;
    private RouteDirectory routes;
    private RequestRouter router;
    private Invocations invocations;
    private LocalCommandExecutor executor;
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
                      RouteDirectory routes, RequestRouter router, Invocations invocations, LocalCommandExecutor executor, EventFeed feed,
                      HandlerTelemetry telemetry, ExecutorHolder executors, PendingReplies replies, Event<BundleRegistered> registered,
                      Event<ConsumerReported> reported) {
        this.settings = settings;
        this.server = server;
        this.messaging = messaging;
        this.connections = connections;
        this.routes = routes;
        this.router = router;
        this.invocations = invocations;
        this.executor = executor;
        this.feed = feed;
        this.telemetry = telemetry;
        this.executors = executors;
        this.replies = replies;
        this.registered = registered;
        this.reported = reported;
    }

    @PostConstruct
    void create() {
        codec = new FrameCodec(settings.maxFrameBytes());
        handshake = new Handshake(settings);
    }

    /** With the application: heartbeats, cluster listeners and routing are up before the first connection. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long period = settings.heartbeat().toMillis();
        ticker = executors.scheduler().scheduleAtFixedRate(() -> executors.executor().execute(this::tick), period, period,
                TimeUnit.MILLISECONDS);
        messaging.onDirect(REPLACED_CHANNEL, this::replacedElsewhere);
        messaging.onMemberRemoved(routes::withdrawMember);
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
                refuse(connection, null, ErrorCode.PROTOCOL_VIOLATION, "no hello within 10 s");
            }
        });
        return connection;
    }

    /** A text message arrived: one frame or a batch of frames, taken in order; what they cause to be sent leaves together. */
    public void received(BundleConnection connection, String text) {
        connection.heard();
        List<FrameCodec.Decoded> frames = codec.decodeMessage(text);
        if (frames.size() == 1) {
            received(connection, frames);
        } else {
            Corked.run(() -> received(connection, frames));
        }
    }

    private void received(BundleConnection connection, List<FrameCodec.Decoded> frames) {
        for (FrameCodec.Decoded decoded : frames) {
            if (!connection.isOpen()) {
                return;
            }
            if (decoded.error() != null) {
                if (connection.registered()) {
                    connection.send(failure(decoded.id(), decoded.error().code(), decoded.error().getMessage()));
                    if (decoded.correlationId() != null) {
                        // an answer that cannot be read: what waits for it fails with the reason instead of at its deadline
                        invocations.answered(connection, decoded.correlationId(), failure(decoded.correlationId(), decoded.error().code(),
                                "the bundle's answer was refused: " + decoded.error().getMessage()), true);
                    }
                } else {
                    refuse(connection, decoded.id(), decoded.error().code(), decoded.error().getMessage());
                }
            } else if (!connection.registered()) {
                if (decoded.frame() instanceof Hello hello) {
                    register(connection, hello);
                } else {
                    refuse(connection, decoded.frame().id(), ErrorCode.PROTOCOL_VIOLATION, "the first frame must be hello");
                }
            } else {
                dispatch(connection, decoded.frame());
            }
        }
    }

    /** A binary frame arrived: not part of the protocol. */
    public void receivedBinary(BundleConnection connection) {
        connection.heard();
        String message = "binary frames are not supported; send JSON text frames";
        if (connection.registered()) {
            connection.send(failure(null, ErrorCode.MALFORMED_FRAME, message));
        } else {
            refuse(connection, null, ErrorCode.MALFORMED_FRAME, message);
        }
    }

    private void dispatch(BundleConnection connection, Frame frame) {
        if (frame instanceof Heartbeat) {
            return;
        }
        if (frame instanceof SendCommand command) {
            telemetry.sent(connection.bundleId(), command.sender(), command.payloadType());
            router.submit(connection, command);
        } else if (frame instanceof SendQuery query) {
            telemetry.sent(connection.bundleId(), query.sender(), query.payloadType());
            router.submit(connection, query);
        } else if (frame instanceof FetchEvents fetch) {
            connection.fetchesEvents();
            executors.executor().execute(() -> fetch(connection, fetch));
        } else if (frame instanceof DomainCommandHandled || frame instanceof ServiceCommandHandled || frame instanceof QueryHandled) {
            answered(connection, ((Frame.Response) frame).correlationId(), frame);
        } else if (frame instanceof Failure failure) {
            if (failure.correlationId() != null
                    && invocations.answered(connection, failure.correlationId(), failure, true) == Invocations.Answer.UNEXPECTED) {
                replies.answered(connection, failure.correlationId(), failure);
            }
        } else if (frame instanceof Enable || frame instanceof Disable) {
            connection.enabled(frame instanceof Enable);
            publish(connection);
            connection.send(new Ack(FrameIds.next(), frame.id()));
        } else if (frame instanceof Hello) {
            connection.send(failure(frame.id(), ErrorCode.PROTOCOL_VIOLATION, "this connection is already registered"));
        } else if (frame instanceof Ack ack) {
            replies.answered(connection, ack.correlationId(), ack);
        } else if (frame instanceof ConsumerReport report) {
            reported.fireAsync(new ConsumerReported(connection, report), NotificationOptions.ofExecutor(executors.executor()));
        } else {
            connection.send(failure(frame.id(), ErrorCode.PROTOCOL_VIOLATION, "a bundle does not send "
                    + frame.getClass().getSimpleName() + " frames"));
        }
    }

    private void answered(BundleConnection connection, String correlationId, Frame answer) {
        if (invocations.answered(connection, correlationId, answer, false) == Invocations.Answer.UNEXPECTED) {
            connection.send(failure(answer.id(), ErrorCode.PROTOCOL_VIOLATION, "no invocation " + correlationId
                    + " is waiting for an answer on this connection"));
        }
    }

    private void fetch(BundleConnection connection, FetchEvents fetch) {
        try {
            connection.send(feed.fetch(fetch));
        } catch (EventoException e) {
            connection.send(failure(fetch.id(), e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            boolean database = false;
            for (Throwable t = e; t != null && !database; t = t.getCause()) {
                database = t instanceof java.sql.SQLException;
            }
            connection.send(failure(fetch.id(), database ? ErrorCode.DATABASE_UNAVAILABLE : ErrorCode.INTERNAL,
                    "fetching events failed: " + e.getMessage()));
        }
    }

    private void register(BundleConnection connection, Hello hello) {
        try {
            handshake.check(hello);
        } catch (EventoException e) {
            refuse(connection, hello.id(), e.code(), e.getMessage());
            return;
        }
        for (BundleConnection other : connections.all()) {
            if (other != connection && other.registered() && sameInstance(hello, other.bundleId(), other.instanceId())) {
                other.close(CLOSE_POLICY, REPLACED);
                closed(other);
            }
        }
        for (ConnectionRoutes other : routes.all()) {
            if (!other.memberId().equals(messaging.localMemberId()) && sameInstance(hello, other.bundleId(), other.instanceId())) {
                messaging.send(other.memberId(), REPLACED_CHANNEL, other.connectionKey());
            }
        }
        connection.register(hello);
        publish(connection);
        registered.fireAsync(new BundleRegistered(connection, hello), NotificationOptions.ofExecutor(executors.executor()));
        connection.send(new Welcome(FrameIds.next(), hello.id(), server.instanceId(), connection.sessionId(),
                settings.heartbeat().toMillis(), settings.maxFrameBytes()));
    }

    private static boolean sameInstance(Hello hello, String bundleId, String instanceId) {
        return hello.bundleId().equals(bundleId) && hello.instanceId().equals(instanceId);
    }

    /** Another member registered a newer connection of the bundle instance holding this connection. */
    private void replacedElsewhere(String connectionKey) {
        connections.find(connectionKey).ifPresent(old -> {
            old.close(CLOSE_POLICY, REPLACED);
            closed(old);
        });
    }

    /** A failed handshake: the failure, then close 1008 with {@code CODE: message}. */
    private void refuse(BundleConnection connection, String correlationId, ErrorCode code, String message) {
        connection.send(failure(correlationId, code, message));
        connection.close(CLOSE_POLICY, reason(code + ": " + message));
        closed(connection);
    }

    private void publish(BundleConnection connection) {
        routes.publish(Handshake.routes(connection.connectionKey(), messaging.localMemberId(), connection.registration(),
                connection.enabled(), connection.registeredAt()));
    }

    /** The connection is gone (closed by either side): its handlers leave the cluster's routing table at once. */
    public void closed(BundleConnection connection) {
        connections.remove(connection);
        if (connection.registered()) {
            routes.withdraw(connection.connectionKey());
        }
        invocations.closed(connection);
        executor.closed(connection);
    }

    /**
     * Every so many ticks this instance's routes are published again even where its own copy of the
     * table has them: after a split-brain merge the members' copies can differ, and a copy that
     * lacks them would otherwise never learn them again (found by the fault suite's partition).
     */
    static final int REPUBLISH_TICKS = 5;
    private long ticks;

    /** Members whose routes were in the table without them in the cluster at the last tick. */
    private volatile Set<String> absentLastTick = Set.of();

    /**
     * Every heartbeat period: heartbeats out, silent connections dropped (1001), routing table
     * reconciled: the table read again, this instance's routes published again where they are
     * missing (after a split, say) and all of them every {@link #REPUBLISH_TICKS} ticks, routes of a
     * member absent from the cluster for two periods withdrawn (a joining member is not yet known
     * everywhere for a moment).
     */
    void tick() {
        long silenceLimit = 3 * settings.heartbeat().toNanos();
        for (BundleConnection connection : connections.all()) {
            if (connection.silentNanos() > silenceLimit) {
                connection.close(CLOSE_GOING_AWAY, "heartbeat timeout: nothing received for 3 periods");
                closed(connection);
            } else if (connection.registered()) {
                connection.send(new Heartbeat(FrameIds.next()));
            }
        }
        routes.refresh();
        Set<String> members = messaging.memberIds();
        Set<String> published = routes.all().stream().map(ConnectionRoutes::connectionKey).collect(Collectors.toSet());
        Set<String> absent = routes.all().stream().map(ConnectionRoutes::memberId).filter(m -> !members.contains(m))
                .collect(Collectors.toSet());
        absent.stream().filter(absentLastTick::contains).forEach(routes::withdrawMember);
        absentLastTick = absent;
        boolean republishAll = ++ticks % REPUBLISH_TICKS == 0;
        for (BundleConnection connection : connections.all()) {
            if (connection.registered() && connection.isOpen() && (republishAll || !published.contains(connection.connectionKey()))) {
                publish(connection);
                if (!connection.isOpen()) {
                    routes.withdraw(connection.connectionKey()); // it closed meanwhile: no route may outlive it
                }
            }
        }
    }

    private static Failure failure(String correlationId, ErrorCode code, String message) {
        return new Failure(FrameIds.next(), correlationId, code.name(), message, code.retryable(), null);
    }

    /** WebSocket close reasons are limited to 123 bytes of UTF-8. */
    static String reason(String text) {
        if (FrameCodec.utf8Length(text) <= 123) {
            return text;
        }
        StringBuilder cut = new StringBuilder();
        long bytes = 3;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            String next = new String(Character.toChars(text.codePointAt(i)));
            bytes += FrameCodec.utf8Length(next);
            if (bytes > 123) {
                break;
            }
            cut.append(next);
        }
        return cut + "...";
    }
}
