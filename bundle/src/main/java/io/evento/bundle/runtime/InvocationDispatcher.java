package io.evento.bundle.runtime;

import io.evento.bundle.api.Metadata;
import io.evento.bundle.model.AggregateRunner;
import io.evento.bundle.model.Component;
import io.evento.bundle.model.ComponentInstances;
import io.evento.bundle.model.ComponentModel;
import io.evento.bundle.model.Handler;
import io.evento.bundle.model.HandlerContext;
import io.evento.bundle.model.HandlerFailure;
import io.evento.bundle.model.PayloadTypes;
import io.evento.bundle.tracing.CorrelationTracingAgent;
import io.evento.bundle.tracing.HandledMessage;
import io.evento.bundle.tracing.HandlerExecutions;
import io.evento.bundle.connection.ServerConnection;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.DomainCommandHandled;
import io.evento.protocol.frame.EventRecord;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.InvokeQuery;
import io.evento.protocol.frame.InvokeServiceCommand;
import io.evento.protocol.frame.NewEventRecord;
import io.evento.protocol.frame.QueryHandled;
import io.evento.protocol.frame.ServiceCommandHandled;
import io.evento.protocol.json.RawJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs the server's invocations on the bundle's components and answers them. */
final class InvocationDispatcher {

    private static final System.Logger LOG = System.getLogger(InvocationDispatcher.class.getName());

    private final Map<String, Component> components;
    private final ComponentInstances instances;
    private final PayloadTypes payloads;
    private final ServerConnection connection;
    private final Function<String, Gateways> gateways;
    private final Executor executor;
    private final KeyedSerialExecutor perAggregate;
    private final AggregateCache cache;
    private final String bundleId;
    private final HandlerExecutions executions;

    InvocationDispatcher(ComponentModel model, ComponentInstances instances, ServerConnection connection,
                         Function<String, Gateways> gateways, Executor executor, AggregateCache cache) {
        this(model, instances, connection, gateways, executor, cache, null, HandlerExecutions.plain());
    }

    InvocationDispatcher(ComponentModel model, ComponentInstances instances, ServerConnection connection,
                         Function<String, Gateways> gateways, Executor executor, AggregateCache cache, String bundleId,
                         HandlerExecutions executions) {
        this.bundleId = bundleId;
        this.executions = executions;
        this.components = model.components().stream().collect(Collectors.toMap(Component::name, c -> c));
        this.instances = instances;
        this.payloads = model.payloads();
        this.connection = connection;
        this.gateways = gateways;
        this.executor = executor;
        this.perAggregate = new KeyedSerialExecutor(executor);
        this.cache = cache;
    }

    /** Accepts an invocation frame; false for frames that are not invocations. */
    boolean accept(Frame frame) {
        if (frame instanceof InvokeDomainCommand invoke) {
            perAggregate.execute(invoke.aggregateId(), () -> connection.send(answer(frame)));
            return true;
        }
        if (frame instanceof InvokeServiceCommand || frame instanceof InvokeQuery) {
            executor.execute(() -> connection.send(answer(frame)));
            return true;
        }
        return false;
    }

    Frame answer(Frame frame) {
        try {
            if (frame instanceof InvokeDomainCommand invoke) {
                return domainCommand(invoke);
            }
            if (frame instanceof InvokeServiceCommand invoke) {
                return serviceCommand(invoke);
            }
            return query((InvokeQuery) frame);
        } catch (Exception e) {
            EventoException failure = HandlerFailure.of(e);
            String type = failure instanceof HandlerFailure.HandlerException h ? h.exceptionType() : null;
            if (failure.code() == ErrorCode.INTERNAL) {
                LOG.log(System.Logger.Level.WARNING, "invocation " + frame.id() + " failed", e);
            }
            return new Failure(UUID.randomUUID().toString(), frame.id(), failure.code().name(), failure.getMessage(),
                    failure.code().retryable(), type);
        }
    }

    private Frame domainCommand(InvokeDomainCommand invoke) throws Exception {
        Component component = component(invoke.component());
        Object command = payload(invoke.payloadType(), invoke.payload());
        Metadata metadata = Records.metadata(payloads, invoke.metadata());
        Gateways gateway = gateways.apply(component.name() + "#" + invoke.payloadType());
        AggregateRunner runner = new AggregateRunner(component, instances.of(component.type()));
        Object base;
        if (invoke.story().incremental()) {
            AggregateCache.Entry cached = cache.at(invoke.aggregateId(), invoke.story().baseSequence());
            if (cached == null) {
                return new Failure(UUID.randomUUID().toString(), invoke.id(), ErrorCode.CACHE_MISS.name(), "this instance does not hold "
                        + component.name() + " '" + invoke.aggregateId() + "' at sequence " + invoke.story().baseSequence(), true, null);
            }
            base = cached.state();
        } else {
            base = invoke.story().snapshot() == null || component.stateType() == null ? null
                    : payloads.fromJson(invoke.story().snapshot().json(), component.stateType());
        }
        List<AggregateRunner.StoredEvent> events = new ArrayList<>();
        for (EventRecord record : invoke.story().events()) {
            events.add(new AggregateRunner.StoredEvent(Records.event(payloads, record),
                    new HandlerContext(null, Records.metadata(payloads, record.metadata()), Records.info(record), gateway, gateway, null)));
        }
        Object state = runner.rebuild(base, events);
        HandledMessage handled = handled(component, invoke.payloadType(), invoke.id(), invoke.aggregateId(), metadata);
        // the event's metadata is made inside the execution, where a tracing agent's span is still current
        RawJson[] eventMetadata = new RawJson[1];
        AggregateRunner.Outcome outcome = executions.run(handled, () -> {
            AggregateRunner.Outcome handledOutcome = runner.handle(command, state, invoke.story().lastSequence(),
                    invoke.story().deleted(), new HandlerContext(state, metadata, null, gateway, gateway, null));
            eventMetadata[0] = produced(handled);
            return handledOutcome;
        });
        payloads.register(outcome.event().getClass());
        String eventContext = handler(component, command).eventContext(outcome.event());
        if (outcome.deleted()) {
            cache.remove(invoke.aggregateId());
        } else {
            cache.put(invoke.aggregateId(), invoke.story().lastSequence() + 1, outcome.state());
        }
        return new DomainCommandHandled(UUID.randomUUID().toString(), invoke.id(),
                new NewEventRecord(PayloadTypes.nameOf(outcome.event().getClass()), RawJson.of(payloads.toJson(outcome.event())),
                        eventMetadata[0], eventContext),
                outcome.snapshot() ? RawJson.of(payloads.toJson(outcome.state())) : null, outcome.deleted());
    }

    private Frame serviceCommand(InvokeServiceCommand invoke) throws Exception {
        Component component = component(invoke.component());
        Object command = payload(invoke.payloadType(), invoke.payload());
        Handler handler = handler(component, command);
        Gateways gateway = gateways.apply(component.name() + "#" + invoke.payloadType());
        Metadata metadata = Records.metadata(payloads, invoke.metadata());
        HandledMessage handled = handled(component, invoke.payloadType(), invoke.id(), null, metadata);
        RawJson[] eventMetadata = new RawJson[1];
        Object event = executions.run(handled, () -> {
            Object returned = handler.invoke(instances.of(component.type()), command, new HandlerContext(null, metadata, null, gateway, gateway, null));
            eventMetadata[0] = produced(handled);
            return returned;
        });
        if (event == null) {
            return new ServiceCommandHandled(UUID.randomUUID().toString(), invoke.id(), null);
        }
        payloads.register(event.getClass());
        return new ServiceCommandHandled(UUID.randomUUID().toString(), invoke.id(),
                new NewEventRecord(PayloadTypes.nameOf(event.getClass()), RawJson.of(payloads.toJson(event)), eventMetadata[0],
                        handler.eventContext(event)));
    }

    private Frame query(InvokeQuery invoke) throws Exception {
        Component component = component(invoke.component());
        Object query = payload(invoke.payloadType(), invoke.payload());
        Handler handler = handler(component, query);
        Gateways gateway = gateways.apply(component.name() + "#" + invoke.payloadType());
        Metadata metadata = Records.metadata(payloads, invoke.metadata());
        Object result = executions.run(handled(component, invoke.payloadType(), invoke.id(), null, metadata),
                () -> handler.invoke(instances.of(component.type()), query, new HandlerContext(null, metadata, null, gateway, gateway, null)));
        if (result == null) {
            throw new EventoException(ErrorCode.NOT_FOUND, handler.describe() + " found nothing");
        }
        return new QueryHandled(UUID.randomUUID().toString(), invoke.id(), RawJson.of(payloads.toJson(result)));
    }

    /** The message as the agent and interceptors see it: its id is the sender's {@code messageId} when it set one. */
    private HandledMessage handled(Component component, String payloadType, String invocationId, String aggregateId, Metadata metadata) {
        String messageId = metadata.get(CorrelationTracingAgent.MESSAGE_ID);
        return new HandledMessage(bundleId, component.name(), component.kind(), payloadType, messageId == null ? invocationId : messageId,
                aggregateId, metadata);
    }

    private RawJson produced(HandledMessage handled) {
        return RawJson.of(payloads.toJson(executions.agent().producing(handled).values()));
    }

    private Component component(String name) {
        Component component = components.get(name);
        if (component == null) {
            throw new EventoException(ErrorCode.NO_HANDLER, "this bundle has no component " + name);
        }
        return component;
    }

    private Object payload(String typeName, RawJson json) {
        Class<?> type = payloads.classOf(typeName);
        if (type == null) {
            throw new EventoException(ErrorCode.NO_HANDLER, "this bundle does not know payload type " + typeName);
        }
        return payloads.fromJson(json.json(), type);
    }

    private static Handler handler(Component component, Object payload) {
        Handler handler = component.handlers().get(payload.getClass());
        if (handler == null) {
            throw new EventoException(ErrorCode.NO_HANDLER, component.name() + " has no handler for " + payload.getClass().getSimpleName());
        }
        return handler;
    }
}
