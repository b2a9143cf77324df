package io.evento.bundle.cdi.ledger;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.bundle.api.AggregateState;
import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;

/** A ledger of numbered entries. */
@Aggregate
public class LedgerAggregate {

    public record OpenLedger(String ledgerId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return ledgerId;
        }
    }

    public record AddEntry(String ledgerId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return ledgerId;
        }
    }

    public record LedgerOpened(String ledgerId) implements DomainEvent {
    }

    public record EntryAdded(String ledgerId, long number) implements DomainEvent {
    }

    public record State(long entries) implements AggregateState {
    }

    @AggregateCommandHandler(init = true)
    LedgerOpened open(OpenLedger command) {
        return new LedgerOpened(command.ledgerId());
    }

    @AggregateCommandHandler
    EntryAdded add(AddEntry command, State state) {
        return new EntryAdded(command.ledgerId(), state.entries() + 1);
    }

    @EventSourcingHandler
    State on(LedgerOpened event) {
        return new State(0);
    }

    @EventSourcingHandler
    State on(EntryAdded event, State state) {
        return new State(event.number());
    }
}
