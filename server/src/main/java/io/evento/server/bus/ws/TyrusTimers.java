package io.evento.server.bus.ws;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;

import java.lang.reflect.Field;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Works around a cost of Tyrus on Payara: on every WebSocket message (in and out) Tyrus
 * re-schedules the session's idle-timeout task on the container's default managed scheduled
 * executor, whose context capture scans the whole class path with a ServiceLoader each time; that
 * scan took about half of the server's CPU per bus message. Tyrus's own fallback is a plain
 * scheduled executor, which is all an idle-timeout needs. This listener gives Tyrus such an
 * executor when the server runs Tyrus; on other servers it does nothing. See ADR 0004.
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
        timers = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "evento-websocket-idle-timers");
            thread.setDaemon(true);
            return thread;
        });
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
