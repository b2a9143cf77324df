package io.evento.bundle.sample;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.bundle.api.AggregateState;
import io.evento.bundle.sample.Messages.AccountClosed;
import io.evento.bundle.sample.Messages.AccountOpened;
import io.evento.bundle.sample.Messages.CloseAccount;
import io.evento.bundle.sample.Messages.Deposit;
import io.evento.bundle.sample.Messages.MoneyDeposited;
import io.evento.bundle.sample.Messages.MoneyWithdrawn;
import io.evento.bundle.sample.Messages.OpenAccount;
import io.evento.bundle.sample.Messages.Withdraw;

/** An account: no overdraft, amounts positive, a closed account is deleted. */
@Aggregate(snapshotFrequency = 5)
public class AccountAggregate {

    public record State(String owner, long balance, boolean closed) implements AggregateState {
        @Override
        public boolean deleted() {
            return closed;
        }
    }

    @AggregateCommandHandler(init = true)
    AccountOpened handle(OpenAccount command) {
        if (command.owner() == null || command.owner().isBlank()) {
            throw new IllegalArgumentException("an account needs an owner");
        }
        return new AccountOpened(command.accountId(), command.owner());
    }

    @AggregateCommandHandler
    MoneyDeposited handle(Deposit command, State state) {
        if (command.amount() <= 0) {
            throw new IllegalArgumentException("a deposit must be positive, got " + command.amount());
        }
        return new MoneyDeposited(command.accountId(), command.amount(), state.balance() + command.amount());
    }

    @AggregateCommandHandler
    MoneyWithdrawn handle(Withdraw command, State state) {
        if (command.amount() > state.balance()) {
            throw new IllegalStateException("insufficient funds: balance " + state.balance() + ", asked " + command.amount());
        }
        return new MoneyWithdrawn(command.accountId(), command.amount(), state.balance() - command.amount());
    }

    @AggregateCommandHandler
    AccountClosed handle(CloseAccount command, State state) {
        if (state.balance() != 0) {
            throw new IllegalStateException("only an empty account can be closed");
        }
        return new AccountClosed(command.accountId());
    }

    @EventSourcingHandler
    State on(AccountOpened event) {
        return new State(event.owner(), 0, false);
    }

    @EventSourcingHandler
    State on(MoneyDeposited event, State state) {
        return new State(state.owner(), event.balance(), false);
    }

    @EventSourcingHandler
    State on(MoneyWithdrawn event, State state) {
        return new State(state.owner(), event.balance(), false);
    }

    @EventSourcingHandler
    State on(AccountClosed event, State state) {
        return new State(state.owner(), 0, true);
    }
}
