package io.evento.bundle.cdi.app;

import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;

/** The payloads of the test application. */
public final class Counting {

    private Counting() {
    }

    /** Starts a counter at 0. */
    public record CreateCounter(String counterId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return counterId;
        }
    }

    /** Adds one to a counter. */
    public record Increment(String counterId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return counterId;
        }
    }

    /** A counter was started, with the greeting the aggregate's injected bean gave. */
    public record CounterCreated(String counterId, String greeting) implements DomainEvent {
    }

    /** A counter went up, with the greeting the aggregate's injected bean gave. */
    public record Incremented(String counterId, long value, String greeting) implements DomainEvent {
    }
}
