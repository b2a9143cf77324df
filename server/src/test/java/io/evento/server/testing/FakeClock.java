package io.evento.server.testing;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Epoch milliseconds that move only when a test says so. */
public final class FakeClock implements LongSupplier {

    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);

    @Override
    public long getAsLong() {
        return now.get();
    }

    public void advance(long millis) {
        now.addAndGet(millis);
    }
}
