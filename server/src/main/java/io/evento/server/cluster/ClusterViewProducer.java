package io.evento.server.cluster;

import io.evento.server.cluster.hazelcast.HazelcastClusterViews;
import io.evento.server.cluster.standalone.StandaloneClusterView;
import io.evento.server.config.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Optional;

/**
 * Uses Payara's Hazelcast when the server has one (JNDI {@code payara/Hazelcast}); on any other
 * Jakarta EE 10 server, or with Hazelcast disabled, the instance is a one-member cluster.
 */
@ApplicationScoped
public class ClusterViewProducer {

    private static final System.Logger LOG = System.getLogger(ClusterViewProducer.class.getName());
    static final String PAYARA_HAZELCAST_JNDI = "payara/Hazelcast";

    @Produces
    @ApplicationScoped
    ClusterView clusterView(ServerSettings settings, PublicUrl publicUrl) {
        Optional<Object> hazelcast = payaraHazelcast();
        if (hazelcast.isPresent()) {
            Optional<ClusterView> view = HazelcastClusterViews.create(hazelcast.get(), settings, publicUrl);
            if (view.isPresent()) {
                LOG.log(System.Logger.Level.INFO, "Evento cluster: Payara Hazelcast, {0} member(s)", view.get().members().size());
                return view.get();
            }
        }
        LOG.log(System.Logger.Level.INFO, "Evento cluster: no Hazelcast available, running as a one-member cluster");
        return new StandaloneClusterView(settings, publicUrl);
    }

    /** Joins the view at start-up, so this instance's card is published before any request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, ClusterView view) {
        view.self();
    }

    void close(@Disposes ClusterView view) {
        if (view instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "cluster view did not close cleanly", e);
            }
        }
    }

    private static Optional<Object> payaraHazelcast() {
        try {
            return Optional.ofNullable(new InitialContext().lookup(PAYARA_HAZELCAST_JNDI));
        } catch (NamingException | RuntimeException | NoClassDefFoundError e) {
            return Optional.empty();
        }
    }
}
