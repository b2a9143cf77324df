package io.evento.examples.todo.api;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Unique identifiers generated where commands start (the invoker), not by the server: UUID
 * version 7 (RFC 9562), time-ordered so that ids sort by creation and index well.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
