package io.evento.server.connection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends held back while a thread handles a batch (frames read together, appends committed
 * together): bundle connections and the cluster queue what the batch causes and send it when the
 * batch is done, one message per connection or member instead of one per frame. The per-message
 * cost of the WebSocket stack and of the cluster's messaging is then shared by the whole batch.
 */
public final class Corked {

    private static final ThreadLocal<Map<Object, Runnable>> HELD = new ThreadLocal<>();

    private Corked() {
    }

    /** Runs the work with this thread's sends held back, then flushes them; nested calls join the outer one. */
    public static void run(Runnable work) {
        if (HELD.get() != null) {
            work.run();
            return;
        }
        Map<Object, Runnable> held = new LinkedHashMap<>();
        HELD.set(held);
        try {
            work.run();
        } finally {
            HELD.remove();
            held.values().forEach(Runnable::run);
        }
    }

    /**
     * Inside {@link #run}: remembers to call {@code flush} (once per {@code key}) when the batch is
     * done, and returns true; outside: returns false, the caller sends at once.
     */
    public static boolean hold(Runnable flush, Object key) {
        Map<Object, Runnable> held = HELD.get();
        if (held == null) {
            return false;
        }
        held.putIfAbsent(key, flush);
        return true;
    }
}
