package io.evento.bench;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.bundle.annotation.Invoker;
import io.evento.bundle.api.AggregateState;
import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;

/** The benchmark's bundle components: a counter aggregate and the invoker that counts. */
public final class Counters {

    private Counters() {
    }

    public record Count(String counterId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return counterId;
        }
    }

    public record Open(String counterId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return counterId;
        }
    }

    public record Counted(String counterId, long value) implements DomainEvent {
    }

    public record Counter(long value) implements AggregateState {
    }

    /** Counts from 0 once opened. */
    @Aggregate
    public static class CounterAggregate {

        @AggregateCommandHandler(init = true)
        Counted handle(Open command) {
            return new Counted(command.counterId(), 0);
        }

        @AggregateCommandHandler
        Counted handle(Count command, Counter counter) {
            return new Counted(command.counterId(), counter.value() + 1);
        }

        @EventSourcingHandler
        Counter on(Counted event) {
            return new Counter(event.value());
        }
    }

    /** Sends the commands (tracked, as an application's invoker is). */
    @Invoker
    public static class Counting {

        final CommandGateway commands;

        public Counting(CommandGateway commands) {
            this.commands = commands;
        }
    }
}
