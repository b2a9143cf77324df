package io.evento.server.testing;

import io.evento.protocol.frame.Frame;
import io.evento.server.connection.BundleConnection;
import io.evento.server.connection.Corked;

import java.util.List;

/** A bundle or caller connected to a {@link ServerNode}: what it sends goes to the node's router, what it gets is kept. */
public record FakeBundle(ServerNode node, FakeChannel channel, BundleConnection connection) {

    /** Sends requests as one batch (one WebSocket message), as the bus hands them over. */
    public void send(Frame... requests) {
        Corked.run(() -> {
            for (Frame request : requests) {
                node.router.submit(connection, request);
            }
        });
    }

    public List<Frame> received() {
        return channel.frames();
    }

    /** The answers to one request id, in order. */
    public List<Frame> answers(String requestId) {
        return channel.frames().stream().filter(f -> f instanceof Frame.Response r && requestId.equals(r.correlationId())).toList();
    }
}
