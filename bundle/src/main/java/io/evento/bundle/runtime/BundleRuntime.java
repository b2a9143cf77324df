package io.evento.bundle.runtime;

import io.evento.bundle.connection.ServerConnection;
import io.evento.bundle.model.Component;
import io.evento.bundle.model.ComponentInstances;
import io.evento.bundle.model.ComponentModel;
import io.evento.bundle.model.PayloadTypes;
import io.evento.bundle.state.ConsumerStateStore;
import io.evento.protocol.frame.Ack;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ConsumerAction;
import io.evento.protocol.frame.ConsumerReport;
import io.evento.protocol.frame.EventsAvailable;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.HandlerInfo;
import io.evento.protocol.frame.Hello;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.PayloadInfo;
import io.evento.protocol.json.RawJson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import io.evento.bundle.tracing.HandlerExecutions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Everything a started bundle runs: connection, invocation dispatcher, consumer engines, gateways. */
public final class BundleRuntime implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BundleRuntime.class.getName());
    private static final long REPORT_MILLIS = Long.getLong("evento.bundle.reportMillis", 5000);

    private final String bundleId;
    private final String instanceId;
    private final ComponentModel model;
    private final ConsumerStateStore store;
    private final ServerConnection connection;
    private final Gateways gateways;
    private final ComponentInstances instances;
    private final InvocationDispatcher dispatcher;
    private final ExecutorService invocations;
    private final ScheduledExecutorService scheduler;
    private final List<ConsumerEngine> engines = new ArrayList<>();
    private final List<Thread> engineThreads = new ArrayList<>();
    private final ThreadFactory threadFactory;
    private final HandlerExecutions executions;

    /**
     * How the runtime runs.
     *
     * @param threadFactory where the bundle's threads come from (a container's {@code ManagedThreadFactory}
     *                      gives handlers the application's context); null: plain daemon threads
     * @param executions    the tracing agent and interceptors around every handler execution
     */
    public record Options(int invocationThreads, int maxInFlight, int aggregateCache, ThreadFactory threadFactory,
                          HandlerExecutions executions) {
        public Options {
            executions = executions == null ? HandlerExecutions.plain() : executions;
        }
    }

    public BundleRuntime(String bundleId, long bundleVersion, String instanceId, String token, List<String> servers,
                         ComponentModel model, ConsumerStateStore store, java.util.function.Function<Class<?>, Object> injector,
                         Options options) {
        int invocationThreads = options.invocationThreads();
        int maxInFlight = options.maxInFlight();
        int aggregateCache = options.aggregateCache();
        this.executions = options.executions();
        this.threadFactory = options.threadFactory();
        this.bundleId = bundleId;
        this.instanceId = instanceId;
        this.model = model;
        this.store = store;
        this.scheduler = Executors.newScheduledThreadPool(2, threads("evento-bundle-timer"));
        this.invocations = Executors.newFixedThreadPool(invocationThreads, threads("evento-bundle-invocation"));
        // every thread is made now, by the thread that builds the bundle: a container's ManagedThreadFactory gives a
        // thread the context of the thread that asks for it, and the connection's threads (where a pool would make
        // its threads on demand) have none
        ((java.util.concurrent.ThreadPoolExecutor) scheduler).prestartAllCoreThreads();
        ((java.util.concurrent.ThreadPoolExecutor) invocations).prestartAllCoreThreads();
        List<ComponentInfo> components = registration(model);
        List<PayloadInfo> payloads = payloads(model.payloads());
        this.connection = new ServerConnection(servers, () -> new Hello(UUID.randomUUID().toString(), Hello.PROTOCOL_VERSION, bundleId,
                bundleVersion, instanceId, token, components, payloads, maxInFlight, aggregateCache), this::inbound, scheduler);
        this.gateways = new Gateways(connection, model.payloads(), null, executions.agent());
        this.instances = new ComponentInstances(injector, type -> gateways.as(componentName(model, type)),
                type -> gateways.as(componentName(model, type)));
        this.dispatcher = new InvocationDispatcher(model, instances, connection, gateways::as, invocations,
                new AggregateCache(aggregateCache), bundleId, executions);
    }

    public void start(Duration connectTimeout, Duration catchUpTimeout) {
        connection.connect(connectTimeout);
        for (Component component : model.components()) {
            for (String context : component.contexts()) {
                ConsumerEngine engine = new ConsumerEngine(component, context, instances.of(component.type()), bundleId, instanceId, store,
                        connection, model.payloads(), gateways.as(component.name()), executions);
                engines.add(engine);
                Thread thread = threads("evento-consumer-" + component.name() + (component.contexts().size() > 1 ? "-" + context : ""))
                        .newThread(engine);
                engineThreads.add(thread);
                thread.start();
            }
        }
        long deadline = System.nanoTime() + catchUpTimeout.toNanos();
        while (engines.stream().filter(e -> e.component().kind() == io.evento.protocol.frame.ComponentKind.PROJECTOR)
                .anyMatch(e -> !e.caughtUp()) && System.nanoTime() < deadline) {
            sleep(50);
        }
        if (System.nanoTime() >= deadline) {
            LOG.log(System.Logger.Level.WARNING, bundleId + ": projectors did not catch up within " + catchUpTimeout + "; enabling anyway");
        }
        connection.enable();
        scheduler.scheduleWithFixedDelay(this::report, REPORT_MILLIS, REPORT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Tells the server which consumers this instance runs, their positions and dead events, and handler timings. */
    void report() {
        try {
            List<ConsumerReport.ConsumerStatus> consumers = new ArrayList<>();
            List<ConsumerReport.HandlerTiming> timings = new ArrayList<>();
            for (ConsumerEngine engine : engines) {
                timings.addAll(engine.timings().drain());
                if (engine.ownsLease()) {
                    consumers.add(status(engine));
                }
            }
            connection.send(new ConsumerReport(UUID.randomUUID().toString(), consumers, timings));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "consumer report not sent: " + e);
        }
    }

    private ConsumerReport.ConsumerStatus status(ConsumerEngine engine) {
        List<io.evento.bundle.state.DeadEvent> dead = store.deadEvents(engine.consumerId());
        List<ConsumerReport.DeadEventInfo> listed = dead.stream().limit(ConsumerReport.MAX_DEAD_EVENTS)
                .map(d -> new ConsumerReport.DeadEventInfo(d.eventId(), d.position(), d.eventType(), d.error(), d.attempts(), d.retry(),
                        d.deadAt().toEpochMilli()))
                .toList();
        Component component = engine.component();
        return new ConsumerReport.ConsumerStatus(engine.consumerId(), component.name(), component.kind(),
                store.position(engine.consumerId()).orElse(null), engine.caughtUp(), dead.size(), listed,
                engine.retrying(), engine.context());
    }

    private void inbound(Frame frame) {
        if (dispatcher.accept(frame)) {
            return;
        }
        if (frame instanceof EventsAvailable) {
            wakeConsumers();
        } else if (frame instanceof ConsumerAction action) {
            invocations.execute(() -> connection.send(consumerAction(action)));
        }
    }

    private Frame consumerAction(ConsumerAction action) {
        boolean done = switch (action.action()) {
            case "retry-dead-event" -> store.flagForRetry(action.consumerId(), action.eventId());
            case "discard-dead-event" -> store.discard(action.consumerId(), action.eventId());
            case "reset-position" -> {
                store.resetPosition(action.consumerId(), action.position());
                yield true;
            }
            default -> false;
        };
        wakeConsumers();
        scheduler.schedule(this::report, 1500, TimeUnit.MILLISECONDS);
        return done ? new Ack(UUID.randomUUID().toString(), action.id())
                : new Failure(UUID.randomUUID().toString(), action.id(), "NOT_FOUND", "no such dead event or action: " + action.action()
                + " " + action.eventId(), false, null);
    }

    /** Each consumer this instance runs: its id, whether it caught up with the stream, whether it holds the lease. */
    public List<ConsumerState> consumers() {
        return engines.stream().map(e -> new ConsumerState(e.consumerId(), e.caughtUp(), e.ownsLease(), e.retrying())).toList();
    }

    /** A consumer as this instance runs it; {@code retrying}: the event it is stuck on (retries = -1), or null. */
    public record ConsumerState(String consumerId, boolean caughtUp, boolean ownsLease, ConsumerReport.Retrying retrying) {
    }

    public void wakeConsumers() {
        engines.forEach(ConsumerEngine::wakeUp);
    }

    public Gateways gateways() {
        return gateways;
    }

    /**
     * Runs {@code execution} as a tracked entry point ({@code @Track}): one handler execution of an invoker, named
     * after the method, with a new message id that what it sends is caused by.
     */
    public <T> T track(Class<?> invoker, String method, io.evento.bundle.tracing.TracingAgent.Execution<T> execution) throws Exception {
        String name = model.components().stream().filter(c -> c.type() == invoker).map(Component::name).findFirst()
                .orElse(invoker.getSimpleName());
        return executions.run(new io.evento.bundle.tracing.HandledMessage(bundleId, name, io.evento.protocol.frame.ComponentKind.INVOKER,
                method, UUID.randomUUID().toString(), null, io.evento.bundle.api.Metadata.EMPTY), execution);
    }

    public ComponentInstances instances() {
        return instances;
    }

    public ComponentModel model() {
        return model;
    }

    public ConsumerStateStore store() {
        return store;
    }

    public String bundleId() {
        return bundleId;
    }

    public String instanceId() {
        return instanceId;
    }

    public ServerConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.disable();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "disable failed: " + e);
        }
        invocations.shutdown();
        try {
            invocations.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engines.forEach(ConsumerEngine::stop);
        for (Thread thread : engineThreads) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        connection.close();
        scheduler.shutdownNow();
    }

    private static String componentName(ComponentModel model, Class<?> type) {
        return model.components().stream().filter(c -> c.type() == type).map(Component::name).findFirst().orElse(type.getSimpleName());
    }

    /** The registration sent in every hello (and published by {@code evento publish}). */
    public static List<ComponentInfo> registration(ComponentModel model) {
        List<ComponentInfo> components = new ArrayList<>();
        for (Component component : model.components()) {
            List<HandlerInfo> handlers = new ArrayList<>();
            component.handlers().values().forEach(h -> handlers.add(new HandlerInfo(PayloadTypes.nameOf(h.payload()),
                    PayloadTypes.kindOf(h.payload()), h.returns() == null || PayloadTypes.kindOf(h.returns()) == null ? null
                    : PayloadTypes.nameOf(h.returns()), h.returnsMany(), h.association(),
                    component.contexts(), List.of())));
            component.sourcing().values().forEach(h -> handlers.add(new HandlerInfo(PayloadTypes.nameOf(h.payload()),
                    MessageKind.DOMAIN_EVENT, null, false, null, List.of(), List.of())));
            components.add(new ComponentInfo(component.name(), component.kind(), component.version(), handlers,
                    component.description() == null || component.description().isBlank() ? null : component.description()));
        }
        return components;
    }

    /** The payload types of the hello, with their JSON schema. */
    public static List<PayloadInfo> payloads(PayloadTypes payloads) {
        List<PayloadInfo> infos = new ArrayList<>();
        for (Class<?> type : payloads.all()) {
            MessageKind kind = PayloadTypes.kindOf(type);
            if (kind != null) {
                String domain = type.getPackageName().substring(type.getPackageName().lastIndexOf('.') + 1);
                infos.add(new PayloadInfo(PayloadTypes.nameOf(type), kind, domain, RawJson.of(payloads.schemaOf(type)), null));
            }
        }
        return infos;
    }

    private ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread;
            if (threadFactory == null) {
                thread = new Thread(runnable);
                thread.setDaemon(true);
            } else {
                thread = threadFactory.newThread(runnable);
            }
            thread.setName(name + "-" + count.incrementAndGet());
            return thread;
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
