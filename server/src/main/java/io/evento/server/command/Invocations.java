package io.evento.server.command;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.Cancel;
import io.evento.protocol.frame.Frame;
import io.evento.server.connection.BundleConnection;
import io.evento.server.connection.FrameIds;
import io.evento.server.telemetry.HandlerKey;
import io.evento.server.telemetry.HandlerTelemetry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Invocations sent to bundle connections of this instance and waiting for their answer: each
 * takes an in-flight slot of its connection, completes with the answer frame, and fails when the
 * connection goes away, the deadline passes or the origin cancels (then the bundle is told to
 * {@code cancel}, and its late answer is ignored).
 */
public final class Invocations {

    private static final int FINISHED_REMEMBERED = 10_000;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Boolean> abandoned = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > FINISHED_REMEMBERED;
        }
    };
    private final HandlerTelemetry telemetry;
    private final int maxInFlightPerConnection;
    private final LongSupplier clock;

    public Invocations(HandlerTelemetry telemetry, int maxInFlightPerConnection, LongSupplier clock) {
        this.telemetry = telemetry;
        this.maxInFlightPerConnection = maxInFlightPerConnection;
        this.clock = clock;
    }

    /** Why an invocation got no answer; {@code sent}: the bundle may have started on it. */
    static final class NoAnswer extends RuntimeException {
        final boolean sent;

        NoAnswer(String message, boolean sent) {
            super(message, null, false, false);
            this.sent = sent;
        }
    }

    /** What became of an answer a bundle sent. */
    public enum Answer {
        /** an invocation waited for it */
        TAKEN,
        /** it came after the invocation was cancelled or timed out: ignored */
        LATE,
        /** nothing on this connection waits for it */
        UNEXPECTED
    }

    CompletableFuture<Frame> invoke(BundleConnection connection, Frame invocation, HandlerKey handler, long deadline) {
        if (!connection.tryAcquire(maxInFlightPerConnection)) {
            return CompletableFuture.failedFuture(new EventoException(ErrorCode.OVERLOADED,
                    "bundle instance " + connection.instanceId() + " has too many invocations in flight"));
        }
        Pending entry = new Pending(connection, handler, System.nanoTime(), deadline, new CompletableFuture<>());
        pending.put(invocation.id(), entry);
        if (!connection.send(invocation)) {
            finish(invocation.id(), null, new NoAnswer("connection " + connection.connectionKey() + " closed before sending", false));
        }
        return entry.result;
    }

    /** An answer arrived on a connection. */
    public Answer answered(BundleConnection from, String correlationId, Frame answer, boolean failed) {
        Pending entry = correlationId == null ? null : pending.get(correlationId);
        if (entry == null || entry.connection != from) {
            synchronized (abandoned) {
                return correlationId != null && abandoned.containsKey(correlationId) ? Answer.LATE : Answer.UNEXPECTED;
            }
        }
        telemetry.invoked(entry.handler, System.nanoTime() - entry.startNanos, failed);
        return finish(correlationId, answer, null) ? Answer.TAKEN : Answer.LATE;
    }

    /** The connection closed: everything waiting on it fails. */
    public void closed(BundleConnection connection) {
        pending.forEach((id, entry) -> {
            if (entry.connection == connection) {
                finish(id, null, new NoAnswer("connection " + connection.connectionKey() + " closed", true));
            }
        });
    }

    /** Cancels the invocations of an execution (ids {@code executionId.n}): the bundle is told, the callers fail. */
    void cancel(String executionId, String reason) {
        String prefix = executionId + ".";
        pending.forEach((id, entry) -> {
            if (id.startsWith(prefix)) {
                abandon(id, entry, reason);
            }
        });
    }

    /** Fails the invocations whose deadline passed and tells their bundles to cancel. */
    public void expireDue() {
        long now = clock.getAsLong();
        pending.forEach((id, entry) -> {
            if (entry.deadline < now) {
                abandon(id, entry, "deadline passed");
            }
        });
    }

    private void abandon(String id, Pending entry, String reason) {
        synchronized (abandoned) {
            abandoned.put(id, Boolean.TRUE);
        }
        if (finish(id, null, new NoAnswer(reason, true))) {
            entry.connection.send(new Cancel(FrameIds.next(), id));
        }
    }

    public int inFlight() {
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

    private record Pending(BundleConnection connection, HandlerKey handler, long startNanos, long deadline,
                           CompletableFuture<Frame> result) {
    }
}
