package io.evento.bundle.sample;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Projector;
import io.evento.bundle.api.EventInfo;
import io.evento.bundle.sample.Messages.AccountOpened;
import io.evento.bundle.sample.Messages.AccountView;
import io.evento.bundle.sample.Messages.MoneyDeposited;
import io.evento.bundle.sample.Messages.MoneyWithdrawn;

/** Keeps {@link AccountViews} up to date. */
@Projector(version = 1)
public class AccountProjector {

    private final AccountViews views;

    public AccountProjector(AccountViews views) {
        this.views = views;
    }

    @EventHandler
    void on(AccountOpened event, EventInfo info) {
        views.accounts.put(event.accountId(), new AccountView(event.accountId(), event.owner(), 0));
        views.applications.merge(info.eventId(), 1, Integer::sum);
    }

    @EventHandler(retries = 2, retryDelayMillis = 20)
    void on(MoneyDeposited event, EventInfo info) {
        if (event.amount() == 13 && views.rejectThirteen.get()) {
            throw new IllegalStateException("13 is unlucky");
        }
        views.accounts.computeIfPresent(event.accountId(), (id, view) -> new AccountView(id, view.owner(), event.balance()));
        views.applications.merge(info.eventId(), 1, Integer::sum);
    }

    @EventHandler
    void on(MoneyWithdrawn event, EventInfo info) {
        views.accounts.computeIfPresent(event.accountId(), (id, view) -> new AccountView(id, view.owner(), event.balance()));
        views.applications.merge(info.eventId(), 1, Integer::sum);
    }
}
