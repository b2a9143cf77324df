package io.evento.server.testing;

import io.evento.protocol.FrameCodec;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.HandlerInfo;
import io.evento.protocol.frame.Hello;
import io.evento.protocol.frame.MessageKind;
import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.command.ClusterCommandExecutor;
import io.evento.server.command.CommandExecutor;
import io.evento.server.command.CommandSettings;
import io.evento.server.command.Invocations;
import io.evento.server.command.LocalCommandExecutor;
import io.evento.server.connection.BundleConnection;
import io.evento.server.connection.LocalConnections;
import io.evento.server.routing.ConnectionRoutes;
import io.evento.server.routing.RequestRouter;
import io.evento.server.routing.RouteDirectory;
import io.evento.server.routing.RoutingSettings;
import io.evento.server.store.EventStore;
import io.evento.server.telemetry.HandlerTelemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What one server member wires for requests, as the server's producers do, without a container:
 * connections, invocations, the local and the cluster executor, the origin-side router. Fake
 * bundles and callers connect to it directly (no WebSocket); time is a {@link FakeClock}.
 */
public final class ServerNode implements AutoCloseable {

    private static final FrameCodec CODEC = new FrameCodec();

    public final String memberId;
    public final LocalConnections connections = new LocalConnections();
    public final Invocations invocations;
    public final LocalCommandExecutor local;
    public final CommandExecutor executor;
    public final RequestRouter router;
    /** What the router recorded: kind/outcome of every answered request, in order. */
    public final List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final RouteDirectory routes;
    private final ExecutorService blocking = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<ExecutorService> answerers = new ArrayList<>();

    public ServerNode(RouteDirectory routes, ClusterMessaging messaging, EventStore store, FakeClock clock, CommandSettings commands,
                      RoutingSettings routing) {
        this.memberId = messaging.localMemberId();
        this.routes = routes;
        this.invocations = new Invocations(new HandlerTelemetry(), commands.maxInFlightPerConnection(), clock);
        this.local = LocalCommandExecutor.create(connections, () -> store, invocations, blocking, position -> { }, commands, clock);
        this.executor = new ClusterCommandExecutor(messaging, local);
        this.router = new RequestRouter(routes, executor, memberId, routing, (delay, task) -> timers.schedule(task, delay,
                TimeUnit.MILLISECONDS), clock, (kind, outcome, nanos) -> recorded.add(kind + "/" + outcome + (nanos >= 0 ? "" : "/negative")));
    }

    /**
     * A bundle instance connected here and enabled; {@code responder} answers each frame the server
     * sends it (null: no answer), on one thread per bundle, in order.
     */
    public FakeBundle bundle(String bundleId, String instanceId, List<ComponentInfo> components, int aggregateCache,
                             Function<Frame, Frame> responder) {
        FakeChannel channel = new FakeChannel();
        BundleConnection connection = new BundleConnection(channel, CODEC, memberId);
        ExecutorService answerer = Executors.newSingleThreadExecutor();
        answerers.add(answerer);
        channel.onFrame(frame -> answerer.execute(() -> {
            Frame answer = responder.apply(frame);
            if (answer instanceof Frame.Response response) {
                invocations.answered(connection, response.correlationId(), answer, answer instanceof Failure);
            }
        }));
        connection.register(new Hello(UUID.randomUUID().toString(), Hello.PROTOCOL_VERSION, bundleId, 1, instanceId, "token",
                components, List.of(), 0, aggregateCache));
        connection.enabled(true);
        connections.add(connection);
        routes.publish(routesOf(connection));
        return new FakeBundle(this, channel, connection);
    }

    /** A caller (an invoker bundle) connected here. */
    public FakeBundle caller(String bundleId) {
        return bundle(bundleId, bundleId + "-1", List.of(new ComponentInfo("Api", ComponentKind.INVOKER, 1, List.of(), null)), 0,
                frame -> null);
    }

    /** The connection closed: what the bus does. */
    public void close(FakeBundle bundle) {
        bundle.channel().close(1001, "gone");
        connections.remove(bundle.connection());
        routes.withdraw(bundle.connection().connectionKey());
        invocations.closed(bundle.connection());
        local.closed(bundle.connection());
    }

    private ConnectionRoutes routesOf(BundleConnection connection) {
        List<ConnectionRoutes.Handler> handlers = new ArrayList<>();
        for (ComponentInfo component : connection.registration().components()) {
            for (HandlerInfo handler : component.handlers()) {
                if (handler.kind().isCommand() || handler.kind() == MessageKind.QUERY) {
                    handlers.add(new ConnectionRoutes.Handler(component.name(), component.kind(), handler.payload(), handler.kind()));
                }
            }
        }
        return new ConnectionRoutes(connection.connectionKey(), memberId, connection.bundleId(), 1, connection.instanceId(), true,
                connection.registeredAt(), handlers);
    }

    @Override
    public void close() {
        blocking.shutdownNow();
        timers.shutdownNow();
        answerers.forEach(ExecutorService::shutdownNow);
    }
}
