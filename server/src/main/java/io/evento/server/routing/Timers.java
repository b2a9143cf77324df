package io.evento.server.routing;

/** Runs a task after a delay (the pause before dispatching a request again). */
@FunctionalInterface
public interface Timers {
    void after(long delayMillis, Runnable task);
}
