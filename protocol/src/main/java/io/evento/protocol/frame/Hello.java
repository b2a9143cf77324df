package io.evento.protocol.frame;

import java.util.List;

/**
 * Bundle → server, first frame: who connects and everything it handles.
 *
 * @param id              frame id
 * @param protocolVersion {@value #PROTOCOL_VERSION}
 * @param bundleId        the bundle (application) id
 * @param bundleVersion   its version (a positive number)
 * @param instanceId      this process of the bundle
 * @param token           the auth token configured on the server
 * @param components      the bundle's components and their handlers
 * @param payloads        the payload types the bundle knows, with their JSON schema when given
 * @param maxInFlight     most invocations the bundle accepts at once (0: the server's default)
 * @param aggregateCache  how many aggregate states the bundle keeps between commands (0: none); the
 *                        server then sends only the events after the state it knows the bundle
 *                        holds (docs/protocol.md, "Aggregate cache")
 */
public record Hello(String id, int protocolVersion, String bundleId, long bundleVersion, String instanceId, String token,
                    List<ComponentInfo> components, List<PayloadInfo> payloads, int maxInFlight, int aggregateCache) implements Frame {

    public static final int PROTOCOL_VERSION = 1;

    public Hello {
        Fields.text(id, "id");
        Fields.text(bundleId, "bundleId");
        Fields.text(instanceId, "instanceId");
        Fields.positive(bundleVersion, "bundleVersion");
        components = Fields.list(components);
        payloads = Fields.list(payloads);
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("maxInFlight must not be negative");
        }
        if (aggregateCache < 0) {
            throw new IllegalArgumentException("aggregateCache must not be negative");
        }
    }

    /** A hello without aggregate cache. */
    public Hello(String id, int protocolVersion, String bundleId, long bundleVersion, String instanceId, String token,
                 List<ComponentInfo> components, List<PayloadInfo> payloads, int maxInFlight) {
        this(id, protocolVersion, bundleId, bundleVersion, instanceId, token, components, payloads, maxInFlight, 0);
    }
}
