package io.evento.server.routing;

/** Runs a task after a delay (deadlines, re-dispatch pauses). */
@FunctionalInterface
interface Timers {
    void after(long delayMillis, Runnable task);
}
