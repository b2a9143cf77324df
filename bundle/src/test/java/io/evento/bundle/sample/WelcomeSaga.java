package io.evento.bundle.sample;

import io.evento.bundle.annotation.Saga;
import io.evento.bundle.annotation.SagaEventHandler;
import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.SagaState;
import io.evento.bundle.sample.Messages.AccountOpened;
import io.evento.bundle.sample.Messages.MoneyDeposited;
import io.evento.bundle.sample.Messages.SendNotification;

/** Welcomes a new account's owner, then congratulates on the first deposit and ends. */
@Saga(version = 1)
public class WelcomeSaga {

    public record State(String owner) implements SagaState {
    }

    @SagaEventHandler(associationProperty = "accountId", init = true)
    State on(AccountOpened event, State state, CommandGateway commands) {
        commands.sendAndWait(new SendNotification(event.owner(), "welcome, your account " + event.accountId() + " is open"));
        return new State(event.owner());
    }

    @SagaEventHandler(associationProperty = "accountId")
    State on(MoneyDeposited event, State state, CommandGateway commands) {
        commands.sendAndWait(new SendNotification(state.owner(), "first deposit of " + event.amount() + " received"));
        return null;
    }
}
