package io.evento.server.store.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest sequence this instance has seen committed for recently used aggregates. Committed
 * events are never removed (deleting an aggregate only closes it), and an aggregate's sequences
 * are contiguous from 1, so a known sequence {@code s} proves that events 1..s exist: an append
 * expecting such a sequence needs no look-up for a gap. Whether it was overtaken meanwhile is
 * still decided by the database (the unique index on aggregate and sequence), never by this cache.
 * Bounded, least recently used first out.
 */
final class KnownSequences {

    private final Map<String, Long> sequences;

    KnownSequences(int capacity) {
        this.sequences = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records that the aggregate's events up to {@code sequence} are committed. */
    synchronized void committed(String aggregateId, long sequence) {
        if (sequence > 0) {
            sequences.merge(aggregateId, sequence, Math::max);
        }
    }

    /** Whether events up to {@code sequence} of the aggregate are known to be committed. */
    synchronized boolean covers(String aggregateId, long sequence) {
        Long known = sequences.get(aggregateId);
        return known != null && known >= sequence;
    }
}
