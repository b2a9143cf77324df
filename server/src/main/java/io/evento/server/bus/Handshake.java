package io.evento.server.bus;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.HandlerInfo;
import io.evento.protocol.frame.Hello;
import io.evento.protocol.frame.MessageKind;
import io.evento.server.routing.ConnectionRoutes;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a {@code hello}: protocol version, token, and a registration that makes sense (each
 * component kind handles only its payload kinds; one handler per payload type in a component).
 * Turns it into the routes the cluster publishes.
 */
final class Handshake {

    private static final Map<ComponentKind, Set<MessageKind>> HANDLES = Map.of(
            ComponentKind.AGGREGATE, EnumSet.of(MessageKind.DOMAIN_COMMAND, MessageKind.DOMAIN_EVENT),
            ComponentKind.SERVICE, EnumSet.of(MessageKind.SERVICE_COMMAND),
            ComponentKind.PROJECTION, EnumSet.of(MessageKind.QUERY),
            ComponentKind.PROJECTOR, EnumSet.of(MessageKind.DOMAIN_EVENT, MessageKind.SERVICE_EVENT),
            ComponentKind.SAGA, EnumSet.of(MessageKind.DOMAIN_EVENT, MessageKind.SERVICE_EVENT),
            ComponentKind.OBSERVER, EnumSet.of(MessageKind.DOMAIN_EVENT, MessageKind.SERVICE_EVENT),
            ComponentKind.INVOKER, EnumSet.noneOf(MessageKind.class));

    private final BusSettings settings;

    Handshake(BusSettings settings) {
        this.settings = settings;
    }

    /** Throws UNAUTHENTICATED, PROTOCOL_VIOLATION or INVALID_REQUEST with a short reason. */
    void check(Hello hello) {
        if (hello.protocolVersion() != Hello.PROTOCOL_VERSION) {
            throw new EventoException(ErrorCode.PROTOCOL_VIOLATION, "protocol version " + hello.protocolVersion()
                    + " unsupported, server speaks " + Hello.PROTOCOL_VERSION);
        }
        if (!settings.accepts(hello.bundleId(), hello.token())) {
            throw new EventoException(ErrorCode.UNAUTHENTICATED, "wrong token for bundle " + shorten(hello.bundleId()));
        }
        Set<String> componentNames = new HashSet<>();
        for (ComponentInfo component : hello.components()) {
            if (!componentNames.add(component.name())) {
                throw new EventoException(ErrorCode.INVALID_REQUEST, "component " + shorten(component.name()) + " registered twice");
            }
            Set<String> payloads = new HashSet<>();
            for (HandlerInfo handler : component.handlers()) {
                if (!HANDLES.get(component.kind()).contains(handler.kind())) {
                    throw new EventoException(ErrorCode.INVALID_REQUEST, component.kind() + " " + shorten(component.name())
                            + " cannot handle " + handler.kind());
                }
                boolean sourcing = component.kind() == ComponentKind.AGGREGATE && handler.kind() == MessageKind.DOMAIN_EVENT;
                if (!sourcing && !payloads.add(handler.payload())) {
                    throw new EventoException(ErrorCode.INVALID_REQUEST, "two handlers for " + shorten(handler.payload())
                            + " in " + shorten(component.name()));
                }
            }
        }
    }

    /** The routes of a registered connection (commands and queries; consumers pull, they need none). */
    static ConnectionRoutes routes(String connectionKey, String memberId, Hello hello, boolean enabled, long registeredAt) {
        List<ConnectionRoutes.Handler> handlers = new ArrayList<>();
        for (ComponentInfo component : hello.components()) {
            for (HandlerInfo handler : component.handlers()) {
                if (handler.kind().isCommand() || handler.kind() == MessageKind.QUERY) {
                    handlers.add(new ConnectionRoutes.Handler(component.name(), component.kind(), handler.payload(), handler.kind()));
                }
            }
        }
        return new ConnectionRoutes(connectionKey, memberId, hello.bundleId(), hello.bundleVersion(), hello.instanceId(), enabled,
                registeredAt, handlers);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
