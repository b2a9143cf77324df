package io.evento.server.connection;

import io.evento.protocol.frame.ConsumerReport;

/**
 * CDI event: a bundle connection reported its consumers and consumer handler timings.
 *
 * @param connection the reporting connection
 * @param report     the report
 */
public record ConsumerReported(BundleConnection connection, ConsumerReport report) {
}
