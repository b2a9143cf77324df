package io.evento.server.catalog;

import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.PayloadInfo;

import java.time.Instant;
import java.util.List;

/**
 * What one version of a bundle registered in its latest hello.
 *
 * @param bundleId      the bundle
 * @param bundleVersion its version
 * @param components    its components and handlers
 * @param payloads      the payload types it knows
 * @param registeredAt  when it last said hello
 */
public record Registration(String bundleId, long bundleVersion, List<ComponentInfo> components, List<PayloadInfo> payloads,
                           Instant registeredAt) {

    public Registration {
        components = List.copyOf(components);
        payloads = List.copyOf(payloads);
    }
}
