package io.evento.server.routing;

import io.evento.protocol.frame.Frame;
import io.evento.server.command.Execution;
import io.evento.server.connection.BundleConnection;

import java.util.ArrayList;
import java.util.List;

/** A request in flight at its origin: who waits for it, its current execution, its answer once there. */
final class OriginRequest {

    /** When it arrived ({@link System#nanoTime}), for the recorded duration. */
    final long arrivedNanos;

    final String key;
    final Frame frame;
    final long deadline;
    volatile int attempts;
    volatile Execution execution;
    private final List<BundleConnection> callers = new ArrayList<>(1);
    private Frame answer;

    OriginRequest(String key, Frame frame, long deadline, BundleConnection caller) {
        this.arrivedNanos = System.nanoTime();
        this.key = key;
        this.frame = frame;
        this.deadline = deadline;
        this.callers.add(caller);
    }

    /** Another send of the same id waits for the answer; the answer if it came already. */
    synchronized Frame join(BundleConnection caller) {
        if (answer == null) {
            callers.add(caller);
        }
        return answer;
    }

    synchronized boolean done() {
        return answer != null;
    }

    /** Records the answer; the callers to send it to, or null when it was answered already. */
    synchronized List<BundleConnection> finish(Frame result) {
        if (answer != null) {
            return null;
        }
        answer = result;
        return List.copyOf(callers);
    }
}
