package io.evento.server.testing;

import io.evento.protocol.FrameCodec;
import io.evento.protocol.frame.Frame;
import io.evento.server.connection.FrameChannel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A transport that keeps what the server sent and hands each frame to a listener; written at once. */
public final class FakeChannel implements FrameChannel {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final FrameCodec CODEC = new FrameCodec(64 << 20);

    private final String id = "fake-" + IDS.incrementAndGet();
    private final List<Frame> received = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private volatile Consumer<Frame> listener = frame -> { };
    private volatile boolean open = true;
    private volatile int closeCode;
    private volatile String closeReason;

    public void onFrame(Consumer<Frame> value) {
        this.listener = value;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
        messages.add(text);
        List<Frame> frames = new ArrayList<>();
        for (FrameCodec.Decoded decoded : CODEC.decodeMessage(text)) {
            if (decoded.frame() == null) {
                throw new AssertionError("the server sent an unreadable frame: " + decoded.error());
            }
            frames.add(decoded.frame());
        }
        received.addAll(frames);
        done.accept(null);
        frames.forEach(listener);
    }

    @Override
    public void close(int code, String reason) {
        if (open) {
            closeCode = code;
            closeReason = reason;
            open = false;
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Every frame the server sent, in order. */
    public List<Frame> frames() {
        return List.copyOf(received);
    }

    /** The WebSocket messages the server sent (a frame or an array of frames each). */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    public <T extends Frame> List<T> frames(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public int closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }
}
