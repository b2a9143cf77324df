package io.evento.faults.bundle;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.faults.bundle.Counters.Count;
import io.evento.faults.bundle.Counters.Increment;
import io.evento.faults.bundle.Counters.Incremented;
import io.evento.faults.bundle.Counters.Open;

/** A counter: every increment reaches the value after the one before, so the stored chain shows whether a handler saw a stale state. */
@Aggregate(snapshotFrequency = 10)
public class CounterAggregate {

    @AggregateCommandHandler(init = true)
    Incremented open(Open command) {
        return new Incremented(command.counterId(), command.marker(), 1);
    }

    @AggregateCommandHandler
    Incremented increment(Increment command, Count state) {
        return new Incremented(command.counterId(), command.marker(), state.value() + 1);
    }

    @EventSourcingHandler
    Count on(Incremented event) {
        return new Count(event.value());
    }
}
