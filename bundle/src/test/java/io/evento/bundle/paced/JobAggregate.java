package io.evento.bundle.paced;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.bundle.api.AggregateState;
import io.evento.bundle.paced.Pacing.JobStarted;
import io.evento.bundle.paced.Pacing.StartJob;

/** Starts jobs, taking {@link Pacing#AGGREGATE_MILLIS} per command. */
@Aggregate
public class JobAggregate {

    public record State(String jobId) implements AggregateState {
    }

    @AggregateCommandHandler(init = true)
    JobStarted handle(StartJob command) {
        Pacing.work(Pacing.AGGREGATE_MILLIS);
        return new JobStarted(command.jobId());
    }

    @EventSourcingHandler
    State on(JobStarted event) {
        return new State(event.jobId());
    }
}
