package io.evento.bundle.sample;

import io.evento.bundle.annotation.Projection;
import io.evento.bundle.annotation.QueryHandler;
import io.evento.bundle.sample.Messages.AccountView;
import io.evento.bundle.sample.Messages.GetAccount;
import io.evento.bundle.sample.Messages.ListAccounts;

import java.util.List;

/** Answers account queries from {@link AccountViews}. */
@Projection
public class AccountProjection {

    private final AccountViews views;

    public AccountProjection(AccountViews views) {
        this.views = views;
    }

    @QueryHandler
    AccountView handle(GetAccount query) {
        return views.get(query.accountId());
    }

    @QueryHandler
    List<AccountView> handle(ListAccounts query) {
        return views.of(query.owner());
    }
}
