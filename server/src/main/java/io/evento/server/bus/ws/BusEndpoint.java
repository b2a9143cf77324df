package io.evento.server.bus.ws;

import io.evento.server.bus.BusService;
import io.evento.server.connection.BundleConnection;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;

/**
 * The WebSocket endpoint bundles connect to: {@code ws://host:port/bus}. Frames larger than
 * {@value #HARD_LIMIT} bytes are refused by the container (close 1009); smaller ones above the
 * configured limit get a PAYLOAD_TOO_LARGE failure and the connection stays open.
 */
@ServerEndpoint("/bus")
public class BusEndpoint {

    static final int HARD_LIMIT = 8 << 20;
    private static final System.Logger LOG = System.getLogger(BusEndpoint.class.getName());

    @Inject
    BusService bus;

    private BundleConnection connection;

    @OnOpen
    public void open(Session session) {
        session.setMaxIdleTimeout(0);
        session.setMaxTextMessageBufferSize(HARD_LIMIT);
        connection = bus.opened(new SessionChannel(session));
    }

    @OnMessage(maxMessageSize = HARD_LIMIT)
    public void text(String text) {
        bus.received(connection, text);
    }

    @OnMessage(maxMessageSize = 1 << 20)
    public void binary(ByteBuffer bytes) {
        bus.receivedBinary(connection);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        if (connection != null) {
            bus.closed(connection);
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(System.Logger.Level.DEBUG, "bus connection error: " + error);
    }
}
