package io.evento.bundle.sample;

import io.evento.bundle.annotation.Invoker;
import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.QueryGateway;
import io.evento.bundle.sample.Messages.AccountView;
import io.evento.bundle.sample.Messages.Deposit;
import io.evento.bundle.sample.Messages.GetAccount;
import io.evento.bundle.sample.Messages.MoneyDeposited;
import io.evento.bundle.sample.Messages.OpenAccount;

/** The entry point the application calls. */
@Invoker
public class BankInvoker {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public BankInvoker(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public void open(String accountId, String owner) {
        commands.sendAndWait(new OpenAccount(accountId, owner));
    }

    public MoneyDeposited deposit(String accountId, long amount) {
        return commands.sendAndWait(new Deposit(accountId, amount));
    }

    public AccountView account(String accountId) {
        return queries.queryAndWait(new GetAccount(accountId));
    }
}
