package io.evento.bundle.cdi;

import io.evento.bundle.EventoBundle;
import io.evento.bundle.state.ConsumerStateStore;
import io.evento.bundle.state.jdbc.JdbcConsumerStateStore;
import io.evento.bundle.state.memory.InMemoryConsumerStateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Starts the bundle when the application has started (components created by CDI as the bundle
 * asks for them) and stops it before the application's beans go: routing to this instance is
 * disabled, invocations in flight finish, consumers stop, the connection closes.
 */
@ApplicationScoped
public class BundleLifecycle {

    private static final System.Logger LOG = System.getLogger(BundleLifecycle.class.getName());

    private EventoExtension extension;
    private BeanManager beans;
    private Instance<ConsumerStateStore> stores;
    private volatile EventoBundle bundle;

    protected BundleLifecycle() {
        // for the CDI client proxy
    }

    @Inject
    public BundleLifecycle(EventoExtension extension, BeanManager beans, Instance<ConsumerStateStore> stores) {
        this.extension = extension;
        this.beans = beans;
        this.stores = stores;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        BundleSettings settings = BundleSettings.from(ConfigProvider.getConfig());
        if (!settings.enabled()) {
            LOG.log(System.Logger.Level.INFO, "Evento bundle disabled (evento.bundle.enabled=false)");
            return;
        }
        EventoBundle.Builder builder = EventoBundle.builder().bundleId(settings.bundleId()).bundleVersion(settings.bundleVersion())
                .servers(settings.servers().toArray(String[]::new)).token(settings.token())
                .components(extension.components().toArray(Class<?>[]::new)).consumerStateStore(store(settings))
                .injector(this::instance).aggregateCache(settings.aggregateCache()).invocationThreads(settings.invocationThreads())
                .maxInFlight(settings.maxInFlight()).connectTimeout(settings.connectTimeout()).catchUpTimeout(settings.catchUpTimeout());
        settings.instanceId().ifPresent(builder::instanceId);
        EventoBundle made = builder.build();
        bundle = made;
        made.start();
        LOG.log(System.Logger.Level.INFO, "Evento bundle " + settings.bundleId() + " started as " + made.instanceId() + " with "
                + extension.components().size() + " components, connected to " + made.connection().currentServer());
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object application) {
        EventoBundle current = bundle;
        if (current != null) {
            bundle = null;
            current.close();
            LOG.log(System.Logger.Level.INFO, "Evento bundle " + current.instanceId() + " stopped");
        }
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

    private ConsumerStateStore store(BundleSettings settings) {
        if (stores.isResolvable()) {
            return stores.get();
        }
        if (settings.stateStoreJndi().isPresent()) {
            try {
                return new JdbcConsumerStateStore((DataSource) new InitialContext().lookup(settings.stateStoreJndi().get()));
            } catch (NamingException e) {
                throw new IllegalStateException("Evento: no datasource at evento.bundle.state-store.jndi=" + settings.stateStoreJndi().get(), e);
            }
        }
        LOG.log(System.Logger.Level.WARNING, "Evento: consumer positions are kept in memory (set evento.bundle.state-store.jndi "
                + "or produce a ConsumerStateStore to keep them)");
        return new InMemoryConsumerStateStore();
    }
}
