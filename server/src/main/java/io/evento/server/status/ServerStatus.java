package io.evento.server.status;

import java.time.Instant;

/**
 * What a server instance last published about itself.
 *
 * @param memberId    its cluster member id
 * @param instanceId  its Evento instance id
 * @param url         its HTTP URL, or null
 * @param ready       whether it was ready (database reachable and migrated)
 * @param connections bundle connections it holds
 * @param requests    requests from its bundles in flight
 * @param invocations invocations of its bundles in flight
 * @param reportedAt  when it published
 */
public record ServerStatus(String memberId, String instanceId, String url, boolean ready, int connections, int requests,
                           int invocations, Instant reportedAt) {
}
