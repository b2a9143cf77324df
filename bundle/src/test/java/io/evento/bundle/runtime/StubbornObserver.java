package io.evento.bundle.runtime;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Observer;
import io.evento.bundle.sample.Messages.MoneyDeposited;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Notes deposits, and fails while {@link #failing} is set; retried without end ({@code retries = -1}). */
@Observer(version = 1)
public class StubbornObserver {

    public final AtomicBoolean failing = new AtomicBoolean();
    public final AtomicInteger failures = new AtomicInteger();
    public final List<String> noted = new CopyOnWriteArrayList<>();

    @EventHandler(retries = -1, retryDelayMillis = 20)
    void on(MoneyDeposited event) {
        if (failing.get()) {
            failures.incrementAndGet();
            throw new IllegalStateException("the ledger is closed");
        }
        noted.add(event.accountId() + ":" + event.amount());
    }
}
