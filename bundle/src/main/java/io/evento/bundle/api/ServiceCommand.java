package io.evento.bundle.api;

/** A command for a service. Commands with the same lock id run one at a time on one service instance. */
public interface ServiceCommand extends Command {

    /** The lock id, or null (the default) for none. */
    default String lockId() {
        return null;
    }
}
