package io.evento.server.command;

/**
 * Settings of command execution (MicroProfile Config keys in brackets).
 *
 * @param conflictRetries          re-executions of a domain command after a concurrency conflict
 *                                 ({@code evento.bus.conflict.retries}, 5)
 * @param maxInFlightPerConnection invocations in flight to one bundle connection ({@code evento.bus.max.inflight.connection}, 256)
 * @param maxCachedAggregates      most aggregate states remembered per bundle connection that keeps
 *                                 an aggregate cache ({@code evento.bus.aggregate.cache.max}, 100000)
 * @param rememberedRequests       final answers of executed requests remembered by this member for
 *                                 retries through other instances ({@code evento.bus.remembered.requests}, 20000)
 * @param rememberMillis           how long they are remembered (10 minutes)
 */
public record CommandSettings(int conflictRetries, int maxInFlightPerConnection, int maxCachedAggregates, int rememberedRequests,
                              long rememberMillis) {

    public static CommandSettings defaults() {
        return new CommandSettings(5, 256, 100_000, 20_000, 600_000);
    }
}
