package io.evento.server.bus.ws;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;

import java.lang.reflect.Field;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Works around a cost of Tyrus on Payara (2.1.5.payara-p2): on every WebSocket message (in and
 * out) Tyrus re-schedules the session's idle-timeout task, even when the idle timeout is off (0,
 * as the bus endpoint sets it: silence is detected by the bus's own heartbeats), on the
 * container's default managed scheduled executor, whose context capture scans the whole class
 * path with a ServiceLoader each time (about half of the server's CPU per bus message), and with
 * a delay of 0, so a timer thread wakes up for every message. This listener gives Tyrus a plain
 * scheduled executor that drops those idle-timeout tasks (nothing would happen in them with the
 * timeout off) and runs anything else Tyrus schedules. On other servers it does nothing. See ADR 0004.
 */
@WebListener
public class TyrusTimers implements ServletContextListener {

    private static final System.Logger LOG = System.getLogger(TyrusTimers.class.getName());
    private static final String FIELD = "managedScheduledExecutorService";

    private ScheduledThreadPoolExecutor timers;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        Field field = container == null ? null : field(container.getClass());
        if (field == null) {
            return;
        }
        timers = new WithoutIdleTimeouts();
        timers.setRemoveOnCancelPolicy(true);
        try {
            field.setAccessible(true);
            field.set(container, timers);
            LOG.log(System.Logger.Level.INFO, "Tyrus idle-timeout scheduling moved off the managed executor");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not move Tyrus idle-timeout scheduling: " + e);
            timers.shutdownNow();
            timers = null;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (timers != null) {
            timers.shutdownNow();
        }
    }

    /** Runs what Tyrus schedules, except the idle-timeout tasks it schedules per message. */
    static final class WithoutIdleTimeouts extends ScheduledThreadPoolExecutor {

        WithoutIdleTimeouts() {
            super(1, runnable -> {
                Thread thread = new Thread(runnable, "evento-websocket-timers");
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> schedule(Runnable command, long delay, java.util.concurrent.TimeUnit unit) {
            if (command.getClass().getName().endsWith("$IdleTimeoutCommand")) {
                return DROPPED;
            }
            return super.schedule(command, delay, unit);
        }

        private static final java.util.concurrent.ScheduledFuture<?> DROPPED = new java.util.concurrent.ScheduledFuture<Object>() {
            @Override
            public long getDelay(java.util.concurrent.TimeUnit unit) {
                return 0;
            }

            @Override
            public int compareTo(java.util.concurrent.Delayed other) {
                return 0;
            }

            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                return false;
            }

            @Override
            public boolean isCancelled() {
                return true;
            }

            @Override
            public boolean isDone() {
                return true;
            }

            @Override
            public Object get() {
                return null;
            }

            @Override
            public Object get(long timeout, java.util.concurrent.TimeUnit unit) {
                return null;
            }
        };
    }

    private static Field field(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(FIELD);
                return java.util.concurrent.ScheduledExecutorService.class.isAssignableFrom(field.getType()) ? field : null;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }
}
