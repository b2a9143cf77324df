package io.evento.server.cluster;

import java.util.List;

/** Who the members of the server cluster are. Membership only: no correctness decision rests on it. */
public interface ClusterView {

    /** This instance. */
    ClusterMember self();

    /** Every member currently in the cluster, this one included, ordered by member id. */
    List<ClusterMember> members();

    /** The cluster technology, for operators: {@code hazelcast} or {@code standalone}. */
    String kind();
}
