package io.evento.server.connection;

import io.evento.protocol.frame.Hello;

/**
 * CDI event: a bundle connection said hello and was accepted (the catalog records what it registered).
 *
 * @param connection the connection
 * @param hello      its registration
 */
public record BundleRegistered(BundleConnection connection, Hello hello) {
}
