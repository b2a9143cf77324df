package io.evento.server.routing;

import io.evento.protocol.frame.ComponentKind;

/**
 * A connected bundle instance able to handle a payload type.
 *
 * @param connectionKey the connection ({@code memberId/sessionId})
 * @param memberId      the server member holding the connection
 * @param bundleId      the bundle
 * @param instanceId    the bundle's instance
 * @param component     the handling component
 * @param componentKind its kind
 */
public record RouteTarget(String connectionKey, String memberId, String bundleId, String instanceId, String component,
                          ComponentKind componentKind) {

    /** The identity used for consistent hashing: stable across reconnects of the same instance. */
    public String instanceKey() {
        return bundleId + "/" + instanceId;
    }
}
