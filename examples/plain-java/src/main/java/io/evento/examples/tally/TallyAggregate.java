package io.evento.examples.tally;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.bundle.api.AggregateState;
import io.evento.examples.tally.TallyMessages.CountUp;
import io.evento.examples.tally.TallyMessages.OpenTally;
import io.evento.examples.tally.TallyMessages.TallyCounted;
import io.evento.examples.tally.TallyMessages.TallyOpened;

/** A tally that only counts up, by 1 to 100 at a time. */
@Aggregate
public class TallyAggregate {

    public record State(long total) implements AggregateState {
    }

    @AggregateCommandHandler(init = true)
    TallyOpened open(OpenTally command) {
        return new TallyOpened(command.tallyId());
    }

    @AggregateCommandHandler
    TallyCounted count(CountUp command, State state) {
        if (command.by() < 1 || command.by() > 100) {
            throw new IllegalArgumentException("a tally counts up by 1 to 100, not " + command.by());
        }
        return new TallyCounted(command.tallyId(), command.by(), state.total() + command.by());
    }

    @EventSourcingHandler
    State on(TallyOpened event) {
        return new State(0);
    }

    @EventSourcingHandler
    State on(TallyCounted event, State state) {
        return new State(event.total());
    }
}
