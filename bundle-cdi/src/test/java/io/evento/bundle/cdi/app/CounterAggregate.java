package io.evento.bundle.cdi.app;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.bundle.api.AggregateState;
import io.evento.bundle.cdi.app.Counting.CounterCreated;
import io.evento.bundle.cdi.app.Counting.CreateCounter;
import io.evento.bundle.cdi.app.Counting.Increment;
import io.evento.bundle.cdi.app.Counting.Incremented;
import jakarta.inject.Inject;

/** A counter; its {@link Greeter} comes from CDI (constructor injection). */
@Aggregate
public class CounterAggregate {

    public record State(long value) implements AggregateState {
    }

    private final Greeter greeter;

    @Inject
    public CounterAggregate(Greeter greeter) {
        this.greeter = greeter;
    }

    @AggregateCommandHandler(init = true)
    CounterCreated create(CreateCounter command) {
        return new CounterCreated(command.counterId(), greeter.greet(command.counterId()));
    }

    @AggregateCommandHandler
    Incremented increment(Increment command, State state) {
        return new Incremented(command.counterId(), state.value() + 1, greeter.greet(command.counterId()));
    }

    @EventSourcingHandler
    State on(CounterCreated event) {
        return new State(0);
    }

    @EventSourcingHandler
    State on(Incremented event, State state) {
        return new State(event.value());
    }
}
