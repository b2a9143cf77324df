package io.evento.server.routing;

import io.evento.protocol.FrameCodec;
import io.evento.protocol.frame.Frame;
import io.evento.server.bus.BusSettings;
import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.cluster.ExecutorHolder;
import io.evento.server.connection.BundleConnection;
import io.evento.server.connection.LocalConnections;
import io.evento.server.feed.EventNotifier;
import io.evento.server.store.EventStoreAccess;
import io.evento.server.telemetry.HandlerTelemetry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The routing facade the bus talks to: callers' requests go to the {@link RequestCoordinator},
 * bundles' answers to the {@link Invocations} waiting for them, and routing messages from other
 * instances to the coordinator.
 */
@ApplicationScoped
public class MessageRouter {

    private static final System.Logger LOG = System.getLogger(MessageRouter.class.getName());

    private RouteDirectory routes;
    private ClusterMessaging messaging;
    private LocalConnections connections;
    private EventStoreAccess store;
    private EventNotifier notifier;
    private HandlerTelemetry telemetry;
    private ExecutorHolder executors;
    private BusSettings settings;

    private Invocations invocations;
    private InvocationExecutor executor;
    private RequestCoordinator coordinator;

    protected MessageRouter() {
        // for the CDI client proxy
    }

    @Inject
    public MessageRouter(RouteDirectory routes, ClusterMessaging messaging, LocalConnections connections, EventStoreAccess store,
                         EventNotifier notifier, HandlerTelemetry telemetry, ExecutorHolder executors, BusSettings settings) {
        this.routes = routes;
        this.messaging = messaging;
        this.connections = connections;
        this.store = store;
        this.notifier = notifier;
        this.telemetry = telemetry;
        this.executors = executors;
        this.settings = settings;
    }

    /** Called at application start so that routing messages from other instances are handled from the beginning. */
    public void start() {
        // the @PostConstruct of the real instance has wired everything by the time this runs
    }

    @PostConstruct
    void wire() {
        FrameCodec codec = new FrameCodec(settings.maxFrameBytes());
        invocations = new Invocations(executors::later, telemetry, settings.maxInFlightPerBundle());
        executor = new InvocationExecutor(connections, store::get, invocations, notifier, executors.executor(), settings.conflictRetries());
        coordinator = new RequestCoordinator(routes, messaging, executor::execute, executors::later, codec,
                settings.maxInFlightPerServer());
        messaging.onDirect(text -> coordinator.received(text, executor::execute));
        messaging.onMemberRemoved(memberId -> {
            routes.withdrawMember(memberId);
            coordinator.memberRemoved(memberId);
        });
    }

    /** A caller's {@code send-command} or {@code send-query}, with its deadline. */
    public void submit(BundleConnection caller, Frame request, long deadline) {
        try {
            coordinator.submit(caller, request, deadline);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "request " + request.id() + " could not be submitted", e);
            caller.send(RequestCoordinator.failure(request.id(), io.evento.protocol.ErrorCode.INTERNAL, "the request could not be routed: " + e));
        }
    }

    /** A bundle answered an invocation; false when nothing waited for it. */
    public boolean answered(BundleConnection from, String correlationId, Frame answer, boolean failed) {
        return invocations.answered(from, correlationId, answer, failed);
    }

    /** A connection of this instance closed. */
    public void closed(BundleConnection connection) {
        invocations.closed(connection);
    }

    /** Requests whose callers are connected here and which are not answered yet. */
    public int requestsInFlight() {
        return coordinator.inFlight();
    }

    /** Invocations sent to bundles connected here and not answered yet. */
    public int invocationsInFlight() {
        return invocations.inFlight();
    }
}
