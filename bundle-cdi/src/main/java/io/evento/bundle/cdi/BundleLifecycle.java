package io.evento.bundle.cdi;

import io.evento.bundle.EventoBundle;
import io.evento.bundle.state.ConsumerStateStore;
import io.evento.bundle.state.jdbc.JdbcConsumerStateStore;
import io.evento.bundle.state.memory.InMemoryConsumerStateStore;
import io.evento.bundle.tracing.MessageHandlerInterceptor;
import io.evento.bundle.tracing.TracingAgent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.transaction.UserTransaction;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Starts the bundle when the web application has started (components created by CDI as the bundle
 * asks for them) and stops it before the application's beans go: routing to this instance is
 * disabled, invocations in flight finish, consumers stop, the connection closes. With
 * {@code evento.bundle.state-store.jndi} the consumer state store is on that container datasource
 * and each consumer transaction is a JTA transaction: a projector that changes JPA entities through
 * a container-managed {@code EntityManager} on the same datasource commits them with its position.
 */
@ApplicationScoped
public class BundleLifecycle {

    private static final System.Logger LOG = System.getLogger(BundleLifecycle.class.getName());

    private EventoExtension extension;
    private BeanManager beans;
    private Instance<ConsumerStateStore> stores;
    private Instance<TracingAgent> agents;
    private Instance<MessageHandlerInterceptor> interceptors;
    private volatile EventoBundle bundle;

    protected BundleLifecycle() {
        // for the CDI client proxy
    }

    /**
     * @param agents       an application bean that is a {@code TracingAgent} replaces the default agent
     * @param interceptors every application bean that is a {@code MessageHandlerInterceptor} runs around
     *                     every handler execution, in the order CDI lists them
     */
    @Inject
    public BundleLifecycle(EventoExtension extension, BeanManager beans, Instance<ConsumerStateStore> stores,
                           Instance<TracingAgent> agents, Instance<MessageHandlerInterceptor> interceptors) {
        this.extension = extension;
        this.beans = beans;
        this.stores = stores;
        this.agents = agents;
        this.interceptors = interceptors;
    }

    /**
     * Starts the bundle (once): called when the web application has started ({@link BundleStartup}),
     * so that components created now get their container resources ({@code @PersistenceContext},
     * {@code @Resource}) as well as their CDI dependencies.
     */
    public synchronized void start() {
        if (bundle != null) {
            return;
        }
        BundleSettings settings = BundleSettings.from(ConfigProvider.getConfig());
        if (!settings.enabled()) {
            LOG.log(System.Logger.Level.INFO, "Evento bundle disabled (evento.bundle.enabled=false)");
            return;
        }
        EventoBundle.Builder builder = EventoBundle.builder().bundleId(settings.bundleId()).bundleVersion(settings.bundleVersion())
                .servers(settings.servers().toArray(String[]::new)).token(settings.token())
                .components(extension.components().toArray(Class<?>[]::new)).consumerStateStore(store(settings))
                .injector(this::instance).aggregateCache(settings.aggregateCache()).invocationThreads(settings.invocationThreads())
                .maxInFlight(settings.maxInFlight()).connectTimeout(settings.connectTimeout()).catchUpTimeout(settings.catchUpTimeout())
                .threadFactory(managedThreads());
        settings.instanceId().ifPresent(builder::instanceId);
        if (agents.isResolvable()) {
            builder.tracingAgent(agents.get());
        }
        interceptors.forEach(builder::interceptor);
        EventoBundle made = builder.build();
        bundle = made;
        try {
            // every component is made here, on the thread that deploys the application: the container injects
            // its resources (@PersistenceContext, @Resource) only on threads with the application's context,
            // which the bundle's own threads, where a component would otherwise be made on first use, lack
            extension.components().forEach(made::component);
            made.start();
        } catch (RuntimeException e) {
            bundle = null;
            try {
                made.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "Evento bundle " + settings.bundleId() + " started as " + made.instanceId() + " with "
                + extension.components().size() + " components, connected to " + made.connection().currentServer());
    }

    /** Stops the bundle gracefully (also when the application's beans are about to go). */
    public void stop() {
        EventoBundle current;
        synchronized (this) {
            current = bundle;
            bundle = null;
        }
        if (current != null) {
            current.close();
            LOG.log(System.Logger.Level.INFO, "Evento bundle " + current.instanceId() + " stopped");
        }
    }

    void beforeDestroyed(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        stop();
    }

    /** The running bundle; fails while it is not started (or disabled). */
    public EventoBundle bundle() {
        EventoBundle current = bundle;
        if (current == null) {
            throw new IllegalStateException("the Evento bundle is not running (starting, stopped or disabled)");
        }
        return current;
    }

    /** Whether the bundle runs. */
    public boolean running() {
        return bundle != null;
    }

    /** A component as CDI makes it (its dependencies injected); other types are not the bundle's to give. */
    private Object instance(Class<?> type) {
        if (!extension.isComponent(type)) {
            return null;
        }
        return beans.createInstance().select(type).get();
    }

    /**
     * The container's default {@code ManagedThreadFactory} (Jakarta Concurrency): handlers then run with the
     * application's context (JNDI, {@code @PersistenceContext}, {@code @Transactional}) on whichever bundle
     * thread, not only on threads that happened to be made while the application deployed.
     */
    private static java.util.concurrent.ThreadFactory managedThreads() {
        try {
            return javax.naming.InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        } catch (javax.naming.NamingException e) {
            LOG.log(System.Logger.Level.WARNING, "no java:comp/DefaultManagedThreadFactory (" + e.getMessage()
                    + "): the bundle's threads lack the application's context");
            return null;
        }
    }

    private ConsumerStateStore store(BundleSettings settings) {
        if (stores.isResolvable()) {
            return stores.get();
        }
        if (settings.stateStoreJndi().isPresent()) {
            try {
                InitialContext naming = new InitialContext();
                DataSource dataSource = (DataSource) naming.lookup(settings.stateStoreJndi().get());
                UserTransaction transaction = (UserTransaction) naming.lookup("java:comp/UserTransaction");
                return new JdbcConsumerStateStore(dataSource, new JtaConsumerTransactions(transaction));
            } catch (NamingException e) {
                throw new IllegalStateException("Evento: no datasource at evento.bundle.state-store.jndi=" + settings.stateStoreJndi().get(), e);
            }
        }
        LOG.log(System.Logger.Level.WARNING, "Evento: consumer positions are kept in memory (set evento.bundle.state-store.jndi "
                + "or produce a ConsumerStateStore to keep them)");
        return new InMemoryConsumerStateStore();
    }
}
