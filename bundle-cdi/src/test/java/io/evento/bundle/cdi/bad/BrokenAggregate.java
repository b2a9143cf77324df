package io.evento.bundle.cdi.bad;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;

/** A command handler without a command parameter. */
@Aggregate
public class BrokenAggregate {

    @AggregateCommandHandler(init = true)
    String handlesNothing() {
        return "nothing";
    }
}
