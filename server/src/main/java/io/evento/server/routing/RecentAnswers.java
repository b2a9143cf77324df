package io.evento.server.routing;

import io.evento.protocol.frame.Frame;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Final answers of recent requests of callers connected here, by idempotency key, so that a retry
 * through this instance is answered at once. Bounded (oldest first out) and time-limited; the
 * executing member and the event store keep answering repetitions beyond it.
 */
final class RecentAnswers {

    private final int capacity;
    private final long ttlMillis;
    private final LongSupplier clock;
    private final Map<String, Entry> answers;

    RecentAnswers(int capacity, long ttlMillis, LongSupplier clock) {
        this.capacity = capacity;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
        this.answers = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > RecentAnswers.this.capacity;
            }
        };
    }

    synchronized Frame answer(String key) {
        Entry entry = answers.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.getAsLong() - entry.storedAt > ttlMillis) {
            answers.remove(key);
            return null;
        }
        return entry.answer;
    }

    synchronized void remember(String key, Frame answer) {
        answers.put(key, new Entry(answer, clock.getAsLong()));
    }

    private record Entry(Frame answer, long storedAt) {
    }
}
