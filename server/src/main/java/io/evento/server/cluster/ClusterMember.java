package io.evento.server.cluster;

/**
 * One server instance of the cluster as seen from here.
 *
 * @param memberId   the cluster member id (Hazelcast member UUID; the instance id when standalone)
 * @param instanceId the Evento instance id ({@code evento.server.instance.id})
 * @param address    the cluster (Hazelcast) address, host:port
 * @param httpUrl    the HTTP URL the instance serves at, or null while unknown
 * @param self       whether it is the instance answering
 */
public record ClusterMember(String memberId, String instanceId, String address, String httpUrl, boolean self) {
}
