package io.evento.server.bus.ws;

import io.evento.server.connection.FrameChannel;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.function.Consumer;

/** A WebSocket session as a frame channel. */
final class SessionChannel implements FrameChannel {

    private final Session session;

    SessionChannel(Session session) {
        this.session = session;
    }

    @Override
    public String id() {
        return session.getId();
    }

    /**
     * Sends asynchronously (the container's writer queues it; no thread waits for a slow peer),
     * with a context class loader that sees only the JDK: every send makes the WebSocket
     * implementation schedule its idle-timeout task, whose context capture on Payara's managed
     * executor scans the context class loader's whole class path (ADR 0004).
     */
    @Override
    public void send(String text, Consumer<Throwable> done) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JDK_ONLY);
        try {
            session.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static final ClassLoader JDK_ONLY = new ClassLoader(null) {
    };

    @Override
    public void close(int code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            }
        } catch (IOException | RuntimeException e) {
            // already closing
        }
    }

    @Override
    public boolean isOpen() {
        return session.isOpen();
    }
}
