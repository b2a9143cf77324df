package io.evento.protocol.publish;

import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.PayloadInfo;

import java.util.List;

/**
 * A bundle as its compiled classes describe it: what a bundle registers in {@code hello}, known
 * before it ever runs (the catalogs and the application graph show it at once).
 *
 * @param bundleId      the bundle id
 * @param bundleVersion its version (1 or more)
 * @param components    its components with their handlers (and what each handler sends)
 * @param payloads      the payload types it handles or sends, with their JSON schema
 */
public record BundleDescription(String bundleId, long bundleVersion, List<ComponentInfo> components, List<PayloadInfo> payloads) {

    public BundleDescription {
        if (bundleId == null || bundleId.isBlank() || bundleId.length() > 255) {
            throw new IllegalArgumentException("bundleId must be 1 to 255 characters");
        }
        for (int i = 0; i < bundleId.length(); i++) {
            if (Character.isISOControl(bundleId.charAt(i)) || bundleId.charAt(i) == '/') {
                throw new IllegalArgumentException("bundleId contains '/' or a control character at index " + i);
            }
        }
        if (bundleVersion < 1) {
            throw new IllegalArgumentException("bundleVersion must be 1 or more, got " + bundleVersion);
        }
        components = components == null ? List.of() : List.copyOf(components);
        payloads = payloads == null ? List.of() : List.copyOf(payloads);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a bundle has at least one component");
        }
    }
}
