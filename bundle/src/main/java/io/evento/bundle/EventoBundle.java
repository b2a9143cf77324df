package io.evento.bundle;

import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.QueryGateway;
import io.evento.bundle.connection.ServerConnection;
import io.evento.bundle.model.Component;
import io.evento.bundle.model.ComponentModel;
import io.evento.bundle.runtime.BundleRuntime;
import io.evento.bundle.state.ConsumerStateStore;
import io.evento.bundle.state.DeadEvent;
import io.evento.bundle.state.memory.InMemoryConsumerStateStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * An Evento bundle: its components, connected to the Evento Servers.
 *
 * <pre>{@code
 * EventoBundle bundle = EventoBundle.builder()
 *         .bundleId("todo").bundleVersion(1)
 *         .packages("com.example.todo")
 *         .servers("http://evento-1:8080", "http://evento-2:8080")
 *         .token(System.getenv("EVENTO_TOKEN"))
 *         .consumerStateStore(new JdbcConsumerStateStore(dataSource))
 *         .injector(type -> type == DataSource.class ? dataSource : null)
 *         .start();
 * bundle.commandGateway().sendAndWait(new CreateTodoList("list-1", "groceries"));
 * }</pre>
 */
public final class EventoBundle implements AutoCloseable {

    private final BundleRuntime runtime;
    private final Duration connectTimeout;
    private final Duration catchUpTimeout;

    private EventoBundle(BundleRuntime runtime, Duration connectTimeout, Duration catchUpTimeout) {
        this.runtime = runtime;
        this.connectTimeout = connectTimeout;
        this.catchUpTimeout = catchUpTimeout;
    }

    /**
     * Connects, starts the consumers, waits for projectors to catch up, then enables this instance
     * for routing (for a bundle made with {@link Builder#build()}).
     */
    public EventoBundle start() {
        runtime.start(connectTimeout, catchUpTimeout);
        return this;
    }

    public static Builder builder() {
        return new Builder();
    }

    public CommandGateway commandGateway() {
        return runtime.gateways();
    }

    public QueryGateway queryGateway() {
        return runtime.gateways();
    }

    /** The command gateway that sends as one of this bundle's components (telemetry: who sends what). */
    public CommandGateway commandGateway(Class<?> component) {
        return runtime.gateways().as(componentName(component));
    }

    /** The query gateway that sends as one of this bundle's components. */
    public QueryGateway queryGateway(Class<?> component) {
        return runtime.gateways().as(componentName(component));
    }

    private String componentName(Class<?> type) {
        return runtime.model().components().stream().filter(c -> c.type() == type).findFirst().map(Component::name)
                .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not a component of this bundle"));
    }

    /** The consumers this instance runs, as they are now. */
    public List<BundleRuntime.ConsumerState> consumers() {
        return runtime.consumers();
    }

    /** The instance of an {@code @Invoker} component, with its gateways. */
    public <T> T invoker(Class<T> type) {
        return component(type);
    }

    /** The instance of a component (made on first use: through the injector, or by its constructor). */
    public <T> T component(Class<T> type) {
        return type.cast(runtime.instances().of(type));
    }

    /**
     * Runs {@code execution} as the tracked entry point {@code invoker.method} ({@code @Track}): the tracing
     * agent and interceptors run around it, and the commands and queries it sends are caused by it.
     */
    public <T> T track(Class<?> invoker, String method, io.evento.bundle.tracing.TracingAgent.Execution<T> execution) throws Exception {
        return runtime.track(invoker, method, execution);
    }

    /** The components found. */
    public List<Component> components() {
        return runtime.model().components();
    }

    /** The consumer id of a projector, saga or observer of this bundle that reads one context pattern. */
    public String consumerId(Class<?> consumer) {
        Component component = consumer(consumer);
        if (component.contexts().size() != 1) {
            throw new IllegalArgumentException(consumer.getSimpleName() + " reads " + component.contexts() + ": name the context");
        }
        return component.consumerId(runtime.bundleId(), component.contexts().get(0));
    }

    /** The consumer id of one of the context patterns a projector, saga or observer reads. */
    public String consumerId(Class<?> consumer, String context) {
        Component component = consumer(consumer);
        if (!component.contexts().contains(context)) {
            throw new IllegalArgumentException(consumer.getSimpleName() + " reads " + component.contexts() + ", not '" + context + "'");
        }
        return component.consumerId(runtime.bundleId(), context);
    }

    private Component consumer(Class<?> consumer) {
        return runtime.model().components().stream().filter(c -> c.type() == consumer && c.isConsumer()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(consumer + " is not a consumer"));
    }

    public List<DeadEvent> deadEvents(Class<?> consumer) {
        return runtime.store().deadEvents(consumerId(consumer));
    }

    /** Flags a dead event for another attempt (processed within about a second). */
    public boolean retryDeadEvent(Class<?> consumer, String eventId) {
        boolean flagged = runtime.store().flagForRetry(consumerId(consumer), eventId);
        runtime.wakeConsumers();
        return flagged;
    }

    public ConsumerStateStore consumerStateStore() {
        return runtime.store();
    }

    public String instanceId() {
        return runtime.instanceId();
    }

    /** The connection (which server, reconnect history). */
    public ServerConnection connection() {
        return runtime.connection();
    }

    /** Disables routing to this instance, lets invocations in flight finish, stops consumers and disconnects. */
    @Override
    public void close() {
        runtime.close();
    }

    /** Builds and starts a bundle. */
    public static final class Builder {
        private String bundleId;
        private long bundleVersion = 1;
        private final List<String> packages = new ArrayList<>();
        private final List<Class<?>> classes = new ArrayList<>();
        private final List<String> servers = new ArrayList<>();
        private String token;
        private String instanceId;
        private ConsumerStateStore store;
        private Function<Class<?>, Object> injector = type -> null;
        private int invocationThreads = 8;
        private int maxInFlight = 64;
        private int aggregateCache = 10_000;
        private Duration catchUpTimeout = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(60);
        private java.util.concurrent.ThreadFactory threadFactory;
        private io.evento.bundle.tracing.TracingAgent tracingAgent;
        private final List<io.evento.bundle.tracing.MessageHandlerInterceptor> interceptors = new ArrayList<>();

        public Builder bundleId(String id) {
            this.bundleId = id;
            return this;
        }

        public Builder bundleVersion(long version) {
            this.bundleVersion = version;
            return this;
        }

        /** Packages scanned (with sub-packages) for annotated components. */
        public Builder packages(String... names) {
            packages.addAll(Arrays.asList(names));
            return this;
        }

        /** Component classes given directly (instead of, or besides, scanning). */
        public Builder components(Class<?>... types) {
            classes.addAll(Arrays.asList(types));
            return this;
        }

        /** Server URLs ({@code http://host:port}); the bundle connects to one and fails over to the others. */
        public Builder servers(String... urls) {
            servers.addAll(Arrays.asList(urls));
            return this;
        }

        public Builder token(String value) {
            this.token = value;
            return this;
        }

        /** This process's id (default: bundle id + random suffix); keep it across reconnects, change it per process. */
        public Builder instanceId(String id) {
            this.instanceId = id;
            return this;
        }

        /** Where consumers keep positions, leases, saga states and dead events (default: in memory). */
        public Builder consumerStateStore(ConsumerStateStore consumerStateStore) {
            this.store = consumerStateStore;
            return this;
        }

        /** Provides application objects to components (constructor parameters), or whole component instances. */
        public Builder injector(Function<Class<?>, Object> provider) {
            this.injector = provider;
            return this;
        }

        /** Threads running invocations (commands and queries handled by this bundle). */
        public Builder invocationThreads(int threads) {
            this.invocationThreads = threads;
            return this;
        }

        /** Most invocations the server sends this instance at once. */
        public Builder maxInFlight(int value) {
            this.maxInFlight = value;
            return this;
        }

        /**
         * How many aggregate states this instance keeps between commands (default 10,000; 0 turns
         * the cache off). The server then sends a command only the events after the state the
         * instance holds instead of the whole story. Aggregate states must be immutable (records).
         */
        public Builder aggregateCache(int states) {
            if (states < 0) {
                throw new IllegalArgumentException("aggregateCache must not be negative");
            }
            this.aggregateCache = states;
            return this;
        }

        /** How long start() waits for projectors to catch up before enabling anyway. */
        public Builder catchUpTimeout(Duration timeout) {
            this.catchUpTimeout = timeout;
            return this;
        }

        /**
         * Where the bundle's threads (handlers, consumers, timers) come from; in a Jakarta EE application the
         * container's {@code ManagedThreadFactory}, so that handlers run with the application's context (JNDI,
         * {@code @PersistenceContext}, transactions). Default: plain daemon threads.
         */
        public Builder threadFactory(java.util.concurrent.ThreadFactory factory) {
            this.threadFactory = factory;
            return this;
        }

        /**
         * The agent around every handler execution that decides the metadata of what handlers send
         * (default: {@link io.evento.bundle.tracing.CorrelationTracingAgent}, correlation and causation ids).
         */
        public Builder tracingAgent(io.evento.bundle.tracing.TracingAgent agent) {
            this.tracingAgent = agent;
            return this;
        }

        /** An interceptor around every handler execution, after those added before it (e.g. {@code new LoggingInterceptor()}). */
        public Builder interceptor(io.evento.bundle.tracing.MessageHandlerInterceptor interceptor) {
            this.interceptors.add(java.util.Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * Checks the components (failing with a message naming the method), connects, starts the
         * consumers, waits for projectors to catch up, then enables this instance for routing.
         */
        public EventoBundle start() {
            return build().start();
        }

        /**
         * Checks the components (failing with a message naming the method) and makes the bundle
         * without connecting: its gateways exist (they fail until it is started), {@link
         * EventoBundle#start()} connects it. For containers that create the components as the
         * bundle asks for them (bundle-cdi).
         */
        public EventoBundle build() {
            if (bundleId == null || bundleId.isBlank()) {
                throw new IllegalStateException("bundleId is required");
            }
            if (servers.isEmpty()) {
                throw new IllegalStateException("at least one server URL is required");
            }
            List<Class<?>> all = new ArrayList<>(classes);
            if (!packages.isEmpty()) {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                all.addAll(ComponentModel.scan(loader == null ? EventoBundle.class.getClassLoader() : loader, packages).components()
                        .stream().map(Component::type).toList());
            }
            ComponentModel model = ComponentModel.of(all);
            String instance = instanceId == null ? bundleId + "-" + UUID.randomUUID().toString().substring(0, 8) : instanceId;
            BundleRuntime runtime = new BundleRuntime(bundleId, bundleVersion, instance, token, servers, model,
                    store == null ? new InMemoryConsumerStateStore() : store, injector,
                    new BundleRuntime.Options(invocationThreads, maxInFlight, aggregateCache, threadFactory,
                            new io.evento.bundle.tracing.HandlerExecutions(tracingAgent, interceptors)));
            return new EventoBundle(runtime, connectTimeout, catchUpTimeout);
        }
    }
}
