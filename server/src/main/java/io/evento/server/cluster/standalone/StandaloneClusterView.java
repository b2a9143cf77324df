package io.evento.server.cluster.standalone;

import io.evento.server.cluster.ClusterMember;
import io.evento.server.cluster.ClusterView;
import io.evento.server.cluster.PublicUrl;
import io.evento.server.config.ServerSettings;

import java.util.List;

/** A one-member cluster, for servers without Payara's Hazelcast. */
public final class StandaloneClusterView implements ClusterView {

    private final ServerSettings settings;
    private final PublicUrl publicUrl;

    public StandaloneClusterView(ServerSettings settings, PublicUrl publicUrl) {
        this.settings = settings;
        this.publicUrl = publicUrl;
    }

    @Override
    public ClusterMember self() {
        return new ClusterMember(settings.instanceId(), settings.instanceId(), "local", publicUrl.get().orElse(null), true);
    }

    @Override
    public List<ClusterMember> members() {
        return List.of(self());
    }

    @Override
    public String kind() {
        return "standalone";
    }
}
