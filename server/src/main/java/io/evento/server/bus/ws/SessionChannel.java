package io.evento.server.bus.ws;

import io.evento.server.connection.FrameChannel;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;

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
     * Sends with a context class loader that sees only the JDK. Every send makes the WebSocket
     * implementation schedule an idle-timeout task on the container's managed executor, whose
     * context capture runs a ServiceLoader scan of the context class loader's whole class path;
     * with the web application's loader that scan cost about half the server's CPU per message.
     */
    @Override
    public void send(String text) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JDK_ONLY);
        try {
            session.getBasicRemote().sendText(text);
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
