package io.evento.bundle.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The aggregate states this bundle instance kept after the commands it handled, each with the
 * sequence it is the state after; least recently used out. The server sends a command only the
 * events after the state it knows the instance holds (docs/protocol.md, "Aggregate cache"); a
 * state held at another sequence is not used (the instance answers {@code CACHE_MISS} and gets the
 * whole story). States must be immutable: a handler receives the cached object itself.
 */
final class AggregateCache {

    /** A cached state. */
    record Entry(long sequence, Object state) {
    }

    private final int capacity;
    private final Map<String, Entry> entries;

    AggregateCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > AggregateCache.this.capacity;
            }
        };
    }

    int capacity() {
        return capacity;
    }

    /** The state after exactly {@code sequence}, or null when this instance does not hold it. */
    synchronized Entry at(String aggregateId, long sequence) {
        Entry entry = entries.get(aggregateId);
        return entry != null && entry.sequence() == sequence ? entry : null;
    }

    synchronized void put(String aggregateId, long sequence, Object state) {
        if (capacity > 0) {
            entries.put(aggregateId, new Entry(sequence, state));
        }
    }

    synchronized void remove(String aggregateId) {
        entries.remove(aggregateId);
    }

    synchronized int size() {
        return entries.size();
    }
}
