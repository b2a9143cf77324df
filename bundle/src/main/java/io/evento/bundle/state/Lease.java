package io.evento.bundle.state;

/**
 * The right to run a consumer, held by one bundle instance. Every write of the consumer is fenced
 * by owner and epoch: a holder whose lease was taken over cannot write any more.
 *
 * @param consumerId the consumer
 * @param owner      the bundle instance holding it
 * @param epoch      incremented each time the lease changes hands
 */
public record Lease(String consumerId, String owner, long epoch) {
}
