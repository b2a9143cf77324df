package io.evento.bundle.runtime;

import io.evento.bundle.api.Command;
import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.Event;
import io.evento.bundle.api.Metadata;
import io.evento.bundle.api.Query;
import io.evento.bundle.api.QueryGateway;
import io.evento.bundle.api.ServiceCommand;
import io.evento.bundle.api.View;
import io.evento.bundle.connection.ServerConnection;
import io.evento.bundle.model.PayloadTypes;
import io.evento.bundle.tracing.HandlerExecutions;
import io.evento.bundle.tracing.TracingAgent;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.EventRecord;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.QueryResult;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.frame.SendQuery;
import io.evento.protocol.json.RawJson;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The command and query gateways of one sending component, over the bundle's connection. The
 * produced event comes back as its class when the bundle knows it (else null).
 */
public final class Gateways implements CommandGateway, QueryGateway {

    private static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

    private final ServerConnection connection;
    private final PayloadTypes payloads;
    private final String sender;
    private final TracingAgent agent;

    /** Gateways whose agent decides the metadata of what they send (correlation with the message handled on this thread). */
    public Gateways(ServerConnection connection, PayloadTypes payloads, String sender, TracingAgent agent) {
        this.connection = connection;
        this.payloads = payloads;
        this.sender = sender;
        this.agent = agent;
    }

    /** The same gateways sending as another component (telemetry: who sends what). */
    public Gateways as(String component) {
        return new Gateways(connection, payloads, component, agent);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E extends Event> CompletableFuture<E> send(Command command, Metadata metadata, Duration timeout) {
        payloads.register(command.getClass());
        long millis = timeout == null || timeout.isZero() ? DEFAULT_TIMEOUT_MILLIS : timeout.toMillis();
        SendCommand frame;
        if (command instanceof DomainCommand domain) {
            if (domain.aggregateId() == null || domain.aggregateId().isBlank()) {
                return CompletableFuture.failedFuture(new EventoException(ErrorCode.INVALID_REQUEST,
                        command.getClass().getSimpleName() + " has no aggregate id"));
            }
            frame = new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, PayloadTypes.nameOf(command.getClass()),
                    RawJson.of(payloads.toJson(command)), metadata(metadata), domain.aggregateId(), null, millis, sender);
        } else if (command instanceof ServiceCommand service) {
            frame = new SendCommand(UUID.randomUUID().toString(), MessageKind.SERVICE_COMMAND, PayloadTypes.nameOf(command.getClass()),
                    RawJson.of(payloads.toJson(command)), metadata(metadata), null, service.lockId(), millis, sender);
        } else {
            return CompletableFuture.failedFuture(new EventoException(ErrorCode.INVALID_REQUEST,
                    command.getClass().getSimpleName() + " is neither a DomainCommand nor a ServiceCommand"));
        }
        return connection.request(frame, millis + 2000).thenApply(answer -> {
            EventRecord event = ((CommandResult) answer).event();
            if (event == null) {
                return null;
            }
            Class<?> type = payloads.classOf(event.type());
            return type == null ? null : (E) payloads.fromJson(event.payload().json(), type);
        });
    }

    @Override
    public <V extends View> CompletableFuture<V> query(Query<V> query, Metadata metadata, Duration timeout) {
        Class<V> view = viewOf(query);
        return ask(query, metadata, timeout).thenApply(result -> {
            if (result.stripLeading().startsWith("[")) {
                throw new EventoException(ErrorCode.INVALID_REQUEST, query.getClass().getSimpleName() + " answers a list: use queryMany");
            }
            return payloads.fromJson(result, view);
        });
    }

    @Override
    public <V extends View> CompletableFuture<List<V>> queryMany(Query<V> query, Metadata metadata, Duration timeout) {
        Class<V> view = viewOf(query);
        return ask(query, metadata, timeout).thenApply(result -> payloads.listFromJson(result, view));
    }

    private CompletableFuture<String> ask(Query<?> query, Metadata metadata, Duration timeout) {
        payloads.register(query.getClass());
        long millis = timeout == null || timeout.isZero() ? DEFAULT_TIMEOUT_MILLIS : timeout.toMillis();
        SendQuery frame = new SendQuery(UUID.randomUUID().toString(), PayloadTypes.nameOf(query.getClass()),
                RawJson.of(payloads.toJson(query)), metadata(metadata), millis, sender);
        return connection.request(frame, millis + 2000).thenApply(answer -> ((QueryResult) answer).result().json());
    }

    @SuppressWarnings("unchecked")
    private static <V extends View> Class<V> viewOf(Query<V> query) {
        Class<?> view = io.evento.bundle.model.Queries.viewOf(query.getClass());
        if (view == null) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, query.getClass().getSimpleName() + " must implement Query<ViewType>");
        }
        return (Class<V>) view;
    }

    private RawJson metadata(Metadata metadata) {
        Metadata traced = agent.sending(metadata == null ? Metadata.EMPTY : metadata, HandlerExecutions.current());
        return RawJson.of(payloads.toJson(traced.values()));
    }
}
