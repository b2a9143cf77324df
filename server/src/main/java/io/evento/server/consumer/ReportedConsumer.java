package io.evento.server.consumer;

import io.evento.protocol.frame.ConsumerReport.ConsumerStatus;

import java.time.Instant;

/**
 * A consumer as its bundle instance last reported it.
 *
 * @param bundleId      the bundle
 * @param instanceId    the bundle instance running it
 * @param memberId      the server member that instance is connected to
 * @param connectionKey the connection the report came on (actions go there)
 * @param status        what it reported
 * @param reportedAt    when
 */
public record ReportedConsumer(String bundleId, String instanceId, String memberId, String connectionKey, ConsumerStatus status,
                               Instant reportedAt) {
}
