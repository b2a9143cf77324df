package io.evento.server.routing;

import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.MessageKind;

import java.util.List;

/**
 * What one bundle connection handles, as published to the cluster.
 *
 * @param connectionKey {@code memberId/sessionId}
 * @param memberId      the server member holding the connection
 * @param bundleId      the bundle
 * @param bundleVersion its version
 * @param instanceId    its instance
 * @param enabled       whether it takes invocations now (after enable, before disable)
 * @param registeredAt  when the connection registered (epoch ms): of two connections of one
 *                      bundle instance, the newer one is routed to
 * @param handlers      its handlers
 */
public record ConnectionRoutes(String connectionKey, String memberId, String bundleId, long bundleVersion, String instanceId,
                               boolean enabled, long registeredAt, List<Handler> handlers) {

    public ConnectionRoutes {
        handlers = handlers == null ? List.of() : handlers;
        handlers = List.copyOf(handlers);
    }

    public ConnectionRoutes withEnabled(boolean value) {
        return new ConnectionRoutes(connectionKey, memberId, bundleId, bundleVersion, instanceId, value, registeredAt, handlers);
    }

    /**
     * @param component     component name
     * @param componentKind its kind
     * @param payloadType   the payload it takes
     * @param messageKind   that payload's kind
     */
    public record Handler(String component, ComponentKind componentKind, String payloadType, MessageKind messageKind) {
    }
}
