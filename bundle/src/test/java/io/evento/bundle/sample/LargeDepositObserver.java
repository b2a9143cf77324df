package io.evento.bundle.sample;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Observer;
import io.evento.bundle.sample.Messages.MoneyDeposited;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Flags deposits of 1000 or more (a side effect only). */
@Observer(version = 1)
public class LargeDepositObserver {

    public final List<String> flagged = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(MoneyDeposited event) {
        if (event.amount() >= 1000) {
            flagged.add(event.accountId() + ":" + event.amount());
        }
    }
}
