package io.evento.server.store;

import java.util.concurrent.Executor;

/**
 * Where the server's event store completes the appends of a committed batch (one task per
 * batch): work chained on an append runs there, off the writer thread.
 */
@FunctionalInterface
public interface AppendCompletion extends Executor {
}
