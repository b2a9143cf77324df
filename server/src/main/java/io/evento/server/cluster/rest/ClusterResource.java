package io.evento.server.cluster.rest;

import io.evento.server.cluster.ClusterMember;
import io.evento.server.cluster.ClusterView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** {@code GET /api/cluster}: this instance and every member of the cluster. */
@Path("cluster")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    private ClusterView cluster;

    protected ClusterResource() {
        // for CDI
    }

    @Inject
    public ClusterResource(ClusterView cluster) {
        this.cluster = cluster;
    }

    @GET
    public ClusterStatus status() {
        ClusterMember self = cluster.self();
        return new ClusterStatus(self.instanceId(), self.memberId(), cluster.kind(), cluster.members());
    }

    /**
     * @param instanceId this instance's Evento id
     * @param memberId   this instance's cluster member id
     * @param kind       {@code hazelcast} or {@code standalone}
     * @param members    every member, this one included
     */
    public record ClusterStatus(String instanceId, String memberId, String kind, List<ClusterMember> members) {
    }
}
