package io.evento.bundle.cdi.drain;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.bundle.api.AggregateState;
import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;

/** Takes {@code millis} to handle its command. */
@Aggregate
public class SlowAggregate {

    public record RunSlowly(String jobId, long millis) implements DomainCommand {
        @Override
        public String aggregateId() {
            return jobId;
        }
    }

    public record RanSlowly(String jobId) implements DomainEvent {
    }

    public record State(String jobId) implements AggregateState {
    }

    @AggregateCommandHandler(init = true)
    RanSlowly handle(RunSlowly command) throws InterruptedException {
        Thread.sleep(command.millis());
        return new RanSlowly(command.jobId());
    }

    @EventSourcingHandler
    State on(RanSlowly event) {
        return new State(event.jobId());
    }
}
