package io.evento.server.connection;

import java.io.IOException;

/** The transport under a bundle connection (a WebSocket session in production, a fake in tests). */
public interface FrameChannel {

    /** A unique id of this channel on this server instance. */
    String id();

    /** Sends one text frame; callers serialise their calls. */
    void send(String text) throws IOException;

    /** Closes with a WebSocket close code and a reason the peer can read. */
    void close(int code, String reason);

    boolean isOpen();
}
