package io.evento.bundle.tracing;

import io.evento.bundle.api.Metadata;

/**
 * Wraps every handler execution of a bundle and decides the metadata of what a handler sends:
 * commands and queries through the gateways, and the event a command handler returns. The default,
 * {@link CorrelationTracingAgent}, carries a correlation id and a causation id; an agent for a
 * tracing system opens a span in {@link #track} and puts its trace context into the metadata.
 */
public interface TracingAgent {

    /** One handler execution. */
    @FunctionalInterface
    interface Execution<T> {
        T run() throws Exception;
    }

    /** Runs a handler's execution on a message (an agent that traces opens a span around it). */
    default <T> T track(HandledMessage message, Execution<T> execution) throws Exception {
        return execution.run();
    }

    /**
     * The metadata of a command or query about to be sent.
     *
     * @param outgoing what the sender gave (never null)
     * @param handling the message being handled on this thread, or null when sent from outside any
     *                 handler (an invoker called by the application)
     */
    Metadata sending(Metadata outgoing, HandledMessage handling);

    /** The metadata of the event a command handler returns for {@code handled}. */
    Metadata producing(HandledMessage handled);
}
