package io.evento.server.command;

import java.util.concurrent.CompletableFuture;

/**
 * Executes a request against its target bundle connection, wherever in the cluster that
 * connection is. Implementations: {@link LocalCommandExecutor} (connections of this member) and
 * {@link ClusterCommandExecutor} (any member, through the cluster's messaging).
 */
public interface CommandExecutor {

    /**
     * Runs the execution; the future completes with its outcome. It may never complete when the
     * outcome is lost on the way (a member dies): the origin's deadline covers that.
     */
    CompletableFuture<ExecutionOutcome> execute(Execution execution);

    /** The origin gave up on the execution (its deadline passed): stop it if it is still waiting for a handler. */
    void cancel(Execution execution);
}
