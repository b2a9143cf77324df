package io.evento.server.routing;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.Cancel;
import io.evento.protocol.frame.Frame;
import io.evento.server.connection.BundleConnection;
import io.evento.server.telemetry.HandlerKey;
import io.evento.server.telemetry.HandlerTelemetry;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Invocations sent to bundle connections of this instance and waiting for their answer: each
 * takes an in-flight slot of its connection, completes with the answer frame, and fails when the
 * connection goes away or the deadline passes (then the bundle is told to cancel).
 */
final class Invocations {

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Timers timers;
    private final HandlerTelemetry telemetry;
    private final int maxInFlightPerConnection;

    Invocations(Timers timers, HandlerTelemetry telemetry, int maxInFlightPerConnection) {
        this.timers = timers;
        this.telemetry = telemetry;
        this.maxInFlightPerConnection = maxInFlightPerConnection;
    }

    /** Why an invocation got no answer. */
    static final class NoAnswer extends RuntimeException {
        final boolean sent;

        NoAnswer(String message, boolean sent) {
            super(message, null, false, false);
            this.sent = sent;
        }
    }

    CompletableFuture<Frame> invoke(BundleConnection connection, Frame invocation, HandlerKey handler, long deadline) {
        if (!connection.tryAcquire(maxInFlightPerConnection)) {
            return CompletableFuture.failedFuture(new EventoException(ErrorCode.OVERLOADED,
                    "bundle instance " + connection.instanceId() + " has too many invocations in flight"));
        }
        Pending entry = new Pending(connection, handler, System.nanoTime(), new CompletableFuture<>());
        pending.put(invocation.id(), entry);
        if (!connection.send(invocation)) {
            finish(invocation.id(), null, new NoAnswer("connection " + connection.connectionKey() + " closed before sending", false));
            return entry.result;
        }
        long delay = Math.max(0, deadline - System.currentTimeMillis());
        timers.after(delay, () -> {
            if (finish(invocation.id(), null, new NoAnswer("deadline passed", true))) {
                connection.send(new Cancel(UUID.randomUUID().toString(), invocation.id()));
            }
        });
        return entry.result;
    }

    /** An answer arrived on a connection; false when nothing waited for it there. */
    boolean answered(BundleConnection from, String correlationId, Frame answer, boolean failed) {
        Pending entry = pending.get(correlationId);
        if (entry == null || entry.connection != from) {
            return false;
        }
        telemetry.invoked(entry.handler, System.nanoTime() - entry.startNanos, failed);
        return finish(correlationId, answer, null);
    }

    /** The connection closed: everything waiting on it fails. */
    void closed(BundleConnection connection) {
        pending.forEach((id, entry) -> {
            if (entry.connection == connection) {
                finish(id, null, new NoAnswer("connection " + connection.connectionKey() + " closed", true));
            }
        });
    }

    int inFlight() {
        return pending.size();
    }

    private boolean finish(String id, Frame answer, Throwable error) {
        Pending entry = pending.remove(id);
        if (entry == null) {
            return false;
        }
        entry.connection.release();
        if (error != null) {
            entry.result.completeExceptionally(error);
        } else {
            entry.result.complete(answer);
        }
        return true;
    }

    private record Pending(BundleConnection connection, HandlerKey handler, long startNanos, CompletableFuture<Frame> result) {
    }
}
