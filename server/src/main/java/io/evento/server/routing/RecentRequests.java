package io.evento.server.routing;

import io.evento.protocol.frame.Frame;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Final answers of recent requests by idempotency key, so that a retry with the same message id
 * gets the same answer instead of a second execution. Bounded (oldest first out) and time-limited;
 * beyond it, domain and service commands are still deduplicated by their derived event id in the
 * event store.
 */
final class RecentRequests {

    private final int capacity;
    private final long ttlMillis;
    private final Map<String, Entry> answers;

    RecentRequests(int capacity, long ttlMillis) {
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
        this.answers = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > RecentRequests.this.capacity;
            }
        };
    }

    synchronized Optional<Frame> answer(String key) {
        Entry entry = answers.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (System.currentTimeMillis() - entry.storedAt > ttlMillis) {
            answers.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.answer);
    }

    synchronized void remember(String key, Frame answer) {
        answers.put(key, new Entry(answer, System.currentTimeMillis()));
    }

    private record Entry(Frame answer, long storedAt) {
    }
}
