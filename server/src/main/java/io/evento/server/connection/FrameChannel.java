package io.evento.server.connection;

import java.util.function.Consumer;

/** The transport under a bundle connection (a WebSocket session in production, a fake in tests). */
public interface FrameChannel {

    /** A unique id of this channel on this server instance. */
    String id();

    /**
     * Sends one text message without waiting for it to be written; {@code done} runs with null once
     * it is written, or with the failure. Callers send one message at a time (the next after done).
     */
    void send(String text, Consumer<Throwable> done);

    /** Closes with a WebSocket close code and a reason the peer can read. */
    void close(int code, String reason);

    boolean isOpen();
}
