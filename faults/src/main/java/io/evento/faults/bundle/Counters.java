package io.evento.faults.bundle;

import io.evento.bundle.api.AggregateState;
import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;

/** The messages of the fault suite's counter: each increment names its caller's marker and the value it reaches. */
public final class Counters {

    private Counters() {
    }

    /** Creates a counter at 1; {@code marker} identifies the command in the history. */
    public record Open(String counterId, String marker) implements DomainCommand {
        @Override
        public String aggregateId() {
            return counterId;
        }
    }

    /** Adds one to a counter; {@code marker} identifies the command in the history. */
    public record Increment(String counterId, String marker) implements DomainCommand {
        @Override
        public String aggregateId() {
            return counterId;
        }
    }

    /** A counter reached {@code value}; the value after n increments is n. */
    public record Incremented(String counterId, String marker, long value) implements DomainEvent {
    }

    /** A counter's state. */
    public record Count(long value) implements AggregateState {
    }
}
