package io.evento.server.cluster.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import io.evento.server.cluster.ClusterView;
import io.evento.server.cluster.PublicUrl;
import io.evento.server.config.ServerSettings;

import java.util.Optional;

/**
 * Creates the Hazelcast view from the object found in JNDI. Kept apart so that servers without
 * Hazelcast classes never load a class that refers to them.
 */
public final class HazelcastClusterViews {

    private HazelcastClusterViews() {
    }

    /** Messaging over the Hazelcast instance, when the object is a running one, as the member {@code memberId}. */
    public static Optional<io.evento.server.cluster.ClusterMessaging> messaging(Object candidate, String memberId,
                                                                               java.util.concurrent.Executor executor) {
        try {
            if (candidate instanceof HazelcastInstance hazelcast && hazelcast.getLifecycleService().isRunning()) {
                return Optional.of(new HazelcastMessaging(hazelcast, memberId, executor));
            }
        } catch (NoClassDefFoundError e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The view, when the object is a running Hazelcast instance. */
    public static Optional<ClusterView> create(Object candidate, ServerSettings settings, PublicUrl publicUrl) {
        try {
            if (candidate instanceof HazelcastInstance hazelcast && hazelcast.getLifecycleService().isRunning()) {
                return Optional.of(new HazelcastClusterView(hazelcast, java.util.UUID.randomUUID().toString(), settings, publicUrl));
            }
        } catch (NoClassDefFoundError e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
