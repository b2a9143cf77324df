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

    @Override
    public void send(String text) throws IOException {
        session.getBasicRemote().sendText(text);
    }

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
