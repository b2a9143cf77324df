package io.evento.server.testing;

import io.evento.protocol.frame.ComponentInfo;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.HandlerInfo;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.InvokeQuery;
import io.evento.protocol.frame.InvokeServiceCommand;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.NewEventRecord;
import io.evento.protocol.frame.QueryHandled;
import io.evento.protocol.frame.ServiceCommandHandled;
import io.evento.protocol.json.RawJson;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Registrations and answering functions of fake bundles speaking the raw protocol. */
public final class FakeHandlers {

    private FakeHandlers() {
    }

    public static ComponentInfo aggregate(String name, String... commands) {
        return new ComponentInfo(name, ComponentKind.AGGREGATE, 1, java.util.Arrays.stream(commands)
                .map(c -> new HandlerInfo(c, MessageKind.DOMAIN_COMMAND, c + "Done", false, null, List.of(), List.of())).toList(), null);
    }

    public static ComponentInfo service(String name, String... commands) {
        return new ComponentInfo(name, ComponentKind.SERVICE, 1, java.util.Arrays.stream(commands)
                .map(c -> new HandlerInfo(c, MessageKind.SERVICE_COMMAND, null, false, null, List.of(), List.of())).toList(), null);
    }

    public static ComponentInfo projection(String name, String... queries) {
        return new ComponentInfo(name, ComponentKind.PROJECTION, 1, java.util.Arrays.stream(queries)
                .map(q -> new HandlerInfo(q, MessageKind.QUERY, "View", false, null, List.of(), List.of())).toList(), null);
    }

    public static ComponentInfo projector(String name, String... events) {
        return new ComponentInfo(name, ComponentKind.PROJECTOR, 1, java.util.Arrays.stream(events)
                .map(e -> new HandlerInfo(e, MessageKind.DOMAIN_EVENT, null, false, null, List.of("*"), List.of())).toList(), null);
    }

    /**
     * An aggregate that counts: its event says which sequence it saw last and echoes the command,
     * so tests can check that every command ran on the latest state.
     */
    public static Function<Frame, Frame> countingAggregate(AtomicInteger invocations) {
        return frame -> {
            if (!(frame instanceof InvokeDomainCommand invoke)) {
                return null;
            }
            invocations.incrementAndGet();
            String event = "{\"seen\":" + invoke.story().lastSequence() + ",\"events\":" + invoke.story().events().size()
                    + ",\"command\":" + invoke.payload().json() + "}";
            return new DomainCommandHandled(UUID.randomUUID().toString(), invoke.id(),
                    new NewEventRecord(invoke.payloadType() + "Done", RawJson.of(event), RawJson.of("{\"by\":\"fake\"}"), null), null, false);
        };
    }

    public static Function<Frame, Frame> service(boolean withEvent) {
        return frame -> frame instanceof InvokeServiceCommand invoke
                ? new ServiceCommandHandled(UUID.randomUUID().toString(), invoke.id(), withEvent
                ? new NewEventRecord("MailSent", RawJson.of("{\"to\":" + invoke.payload().json() + "}"), null, "mail") : null)
                : null;
    }

    public static Function<Frame, Frame> projection(String view) {
        return frame -> frame instanceof InvokeQuery invoke
                ? new QueryHandled(UUID.randomUUID().toString(), invoke.id(), RawJson.of(view))
                : null;
    }
}
