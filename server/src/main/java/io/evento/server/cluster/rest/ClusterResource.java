package io.evento.server.cluster.rest;

import jakarta.annotation.security.RolesAllowed;
import io.evento.server.security.Role;
import io.evento.server.cluster.ClusterMember;
import io.evento.server.cluster.ClusterView;
import io.evento.server.database.DatabaseStatus;
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
@RolesAllowed(Role.VIEWER_ROLE)
public class ClusterResource {

    private ClusterView cluster;
    private DatabaseStatus database;

    public ClusterResource() {
        // for CDI
    }

    @Inject
    public ClusterResource(ClusterView cluster, DatabaseStatus database) {
        this.cluster = cluster;
        this.database = database;
    }

    @GET
    public ClusterStatus status() {
        ClusterMember self = cluster.self();
        return new ClusterStatus(self.instanceId(), self.memberId(), cluster.kind(), cluster.members(),
                new DatabaseIdentity(database.storeId().orElse(null), database.schemaVersion()));
    }

    /**
     * @param instanceId this instance's Evento id
     * @param memberId   this instance's cluster member id
     * @param kind       {@code hazelcast} or {@code standalone}
     * @param members    every member, this one included
     * @param database   the System State Store this instance uses
     */
    public record ClusterStatus(String instanceId, String memberId, String kind, List<ClusterMember> members,
                                DatabaseIdentity database) {
    }

    /**
     * @param storeId       id of the System State Store (equal on every instance sharing the database)
     * @param schemaVersion the migrated schema version
     */
    public record DatabaseIdentity(String storeId, String schemaVersion) {
    }
}
