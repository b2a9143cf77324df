package io.evento.bundle.api;

/** A command for one aggregate, routed to the aggregate handling it. */
public interface DomainCommand extends Command {

    /** The aggregate the command is for. */
    String aggregateId();
}
