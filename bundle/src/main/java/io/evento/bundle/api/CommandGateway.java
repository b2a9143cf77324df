package io.evento.bundle.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends commands. The result is the event the command produced (null for a service command
 * without event). Failures are {@link io.evento.protocol.EventoException}s with the server's code
 * (HANDLER_FAILED, NO_HANDLER, TIMEOUT_INDETERMINATE, ...).
 */
public interface CommandGateway {

    /** Sends and returns at once; the future completes with the produced event. */
    <E extends Event> CompletableFuture<E> send(Command command, Metadata metadata, Duration timeout);

    default <E extends Event> CompletableFuture<E> send(Command command) {
        return send(command, Metadata.EMPTY, Duration.ZERO);
    }

    /** Sends and waits for the produced event; a failure is thrown as the {@link io.evento.protocol.EventoException} itself. */
    default <E extends Event> E sendAndWait(Command command, Duration timeout) {
        return sendAndWait(command, Metadata.EMPTY, timeout);
    }

    default <E extends Event> E sendAndWait(Command command) {
        return sendAndWait(command, Duration.ZERO);
    }

    default <E extends Event> E sendAndWait(Command command, Metadata metadata, Duration timeout) {
        return Waiting.join(this.<E>send(command, metadata, timeout));
    }
}
