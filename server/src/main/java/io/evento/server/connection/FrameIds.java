package io.evento.server.connection;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids of the frames this server instance sends: unique per sender, as the protocol asks, and cheap
 * (a random prefix per start and a counter; a random UUID per frame cost a secure-random draw).
 */
public final class FrameIds {

    private static final String PREFIX = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "-";
    private static final AtomicLong COUNTER = new AtomicLong();

    private FrameIds() {
    }

    public static String next() {
        return PREFIX + Long.toString(COUNTER.incrementAndGet(), 36);
    }
}
