package io.evento.examples.tally;

import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;
import io.evento.bundle.api.Query;
import io.evento.bundle.api.View;

/** What the tally bundle sends and answers. */
public final class TallyMessages {

    private TallyMessages() {
    }

    public record OpenTally(String tallyId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return tallyId;
        }
    }

    public record CountUp(String tallyId, int by) implements DomainCommand {
        @Override
        public String aggregateId() {
            return tallyId;
        }
    }

    public record TallyOpened(String tallyId) implements DomainEvent {
    }

    public record TallyCounted(String tallyId, int by, long total) implements DomainEvent {
    }

    public record GetTally(String tallyId) implements Query<TallyView> {
    }

    public record TallyView(String tallyId, long total) implements View {
    }
}
