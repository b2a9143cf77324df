package io.evento.server.store.jdbc;

import io.evento.server.store.AppendRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the optimistic check inside a batch insert: one row per aggregate of the
 * batch, with the sequence that must already be stored (0 when nothing needs looking up: the
 * aggregate is new, or this instance has seen that sequence committed). Appends to one aggregate
 * inside the batch are checked here: each must follow the one before it.
 *
 * @param aggregateIds the aggregates of the batch, each once
 * @param follows      per aggregate, the sequence whose event must exist, or 0
 */
record AppendGuard(String[] aggregateIds, Long[] follows) {

    /** The guard of the batch, or null when appends to one aggregate do not follow each other. */
    static AppendGuard of(List<PendingAppend> batch, KnownSequences known) {
        Map<String, Chain> chains = new LinkedHashMap<>();
        for (PendingAppend pending : batch) {
            for (AppendRequest request : pending.requests()) {
                if (!request.isAggregate()) {
                    continue;
                }
                Chain chain = chains.get(request.aggregateId());
                if (chain == null) {
                    chains.put(request.aggregateId(), new Chain(request));
                } else if (!chain.extend(request)) {
                    return null;
                }
            }
        }
        List<String> ids = new ArrayList<>(chains.size());
        List<Long> follows = new ArrayList<>(chains.size());
        chains.forEach((aggregateId, chain) -> {
            ids.add(aggregateId);
            follows.add(chain.first == 0 || known.covers(aggregateId, chain.first) ? 0L : chain.first);
        });
        return new AppendGuard(ids.toArray(String[]::new), follows.toArray(Long[]::new));
    }

    /** The appends of one aggregate in a batch: the sequence the first follows, where the last ends. */
    private static final class Chain {
        private final long first;
        private long last;
        private boolean closed;

        Chain(AppendRequest request) {
            this.first = request.expectedSequence();
            this.last = request.lastSequence();
            this.closed = request.deleteAggregate();
        }

        boolean extend(AppendRequest request) {
            if (closed || request.expectedSequence() != last) {
                return false;
            }
            last = request.lastSequence();
            closed = request.deleteAggregate();
            return true;
        }
    }
}
