package io.evento.server.command;

import io.evento.server.connection.BundleConnection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each bundle connection of this member holds in its aggregate cache, as far as this member
 * knows: for an aggregate, the sequence whose state the bundle kept after an answer this member
 * stored. Only a stored answer is remembered; a failed append, a conflict or any doubt forgets the
 * aggregate, and the next command sends the full story. Correctness never rests on it: an append
 * from a stale state fails the optimistic check and the command runs again on the full story.
 */
final class CachedStates {

    private final int maxPerConnection;
    private final Map<BundleConnection, Known> byConnection = new ConcurrentHashMap<>();

    CachedStates(int maxPerConnection) {
        this.maxPerConnection = maxPerConnection;
    }

    /** The sequence of the state the bundle holds for the aggregate, if this member knows one. */
    OptionalLong base(BundleConnection connection, String aggregateId) {
        Known known = byConnection.get(connection);
        return known == null ? OptionalLong.empty() : known.get(aggregateId);
    }

    /** The bundle's answer that leads to {@code sequence} was stored: the bundle holds that state now. */
    void stored(BundleConnection connection, String aggregateId, long sequence) {
        int capacity = Math.min(maxPerConnection, connection.aggregateCacheSize());
        if (capacity <= 0 || !connection.isOpen()) {
            return;
        }
        byConnection.computeIfAbsent(connection, c -> new Known(capacity)).put(aggregateId, sequence);
    }

    void forget(BundleConnection connection, String aggregateId) {
        Known known = byConnection.get(connection);
        if (known != null) {
            known.remove(aggregateId);
        }
    }

    void closed(BundleConnection connection) {
        byConnection.remove(connection);
    }

    int size(BundleConnection connection) {
        Known known = byConnection.get(connection);
        return known == null ? 0 : known.size();
    }

    /** The most recently used aggregates of one connection (the bundle evicts the same way). */
    private static final class Known {
        private final Map<String, Long> sequences;

        Known(int capacity) {
            this.sequences = new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized OptionalLong get(String aggregateId) {
            Long sequence = sequences.get(aggregateId);
            return sequence == null ? OptionalLong.empty() : OptionalLong.of(sequence);
        }

        synchronized void put(String aggregateId, long sequence) {
            sequences.put(aggregateId, sequence);
        }

        synchronized void remove(String aggregateId) {
            sequences.remove(aggregateId);
        }

        synchronized int size() {
            return sequences.size();
        }
    }
}
