package io.evento.server.telemetry;

/**
 * A handler: a component of a bundle taking one payload type.
 *
 * @param bundleId    the bundle
 * @param component   the component
 * @param payloadType the payload it handles
 */
public record HandlerKey(String bundleId, String component, String payloadType) {
}
