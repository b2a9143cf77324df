package io.evento.server.cluster;

import io.evento.server.cluster.hazelcast.HazelcastClusterViews;
import io.evento.server.cluster.standalone.StandaloneClusterView;
import io.evento.server.config.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import java.util.Optional;

/**
 * Uses Payara's Hazelcast when the server has one (JNDI {@code payara/Hazelcast}); on any other
 * Jakarta EE 10 server, or with Hazelcast disabled, the instance is a one-member cluster.
 */
@ApplicationScoped
public class ClusterViewProducer {

    private static final System.Logger LOG = System.getLogger(ClusterViewProducer.class.getName());

    @Produces
    @ApplicationScoped
    ClusterView clusterView(ServerSettings settings, PublicUrl publicUrl) {
        Optional<Object> hazelcast = PayaraHazelcast.lookup();
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

    @Produces
    @ApplicationScoped
    ClusterMessaging clusterMessaging(ClusterView view, ExecutorHolder executors) {
        Optional<Object> hazelcast = PayaraHazelcast.lookup();
        if ("hazelcast".equals(view.kind()) && hazelcast.isPresent()) {
            Optional<ClusterMessaging> messaging = HazelcastClusterViews.messaging(hazelcast.get(), view.self().memberId(), executors.executor());
            if (messaging.isPresent()) {
                return messaging.get();
            }
        }
        return new io.evento.server.cluster.standalone.LocalMessaging(view.self().memberId(), executors.executor());
    }

    void closeMessaging(@Disposes ClusterMessaging messaging) {
        if (messaging instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "cluster messaging did not close cleanly", e);
            }
        }
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
}
