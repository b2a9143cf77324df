package io.evento.bundle.api;

/**
 * A consumer handler parameter: actions to run once the consumer's transaction (read model and
 * position) has committed, e.g. notifying clients that a view changed (save, then notify). Not run
 * when the transaction rolls back; run at most once per successful handling.
 */
@FunctionalInterface
public interface AfterCommit {

    void run(Runnable action);
}
