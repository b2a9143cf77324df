package io.evento.bundle.model;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.AggregateCommandHandler;
import io.evento.bundle.annotation.CommandHandler;
import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.EventSourcingHandler;
import io.evento.bundle.annotation.Invoker;
import io.evento.bundle.annotation.Observer;
import io.evento.bundle.annotation.Projection;
import io.evento.bundle.annotation.Projector;
import io.evento.bundle.annotation.QueryHandler;
import io.evento.bundle.annotation.Saga;
import io.evento.bundle.annotation.SagaEventHandler;
import io.evento.bundle.annotation.Service;
import io.evento.bundle.api.AggregateState;
import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;
import io.evento.bundle.api.Event;
import io.evento.bundle.api.EventInfo;
import io.evento.bundle.api.Metadata;
import io.evento.bundle.api.Query;
import io.evento.bundle.api.QueryGateway;
import io.evento.bundle.api.SagaState;
import io.evento.bundle.api.ServiceCommand;
import io.evento.bundle.api.ServiceEvent;
import io.evento.bundle.api.View;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.EventContexts;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundle's components, found by scanning packages (or given as classes), with every
 * declaration checked: a problem fails start-up with a message naming the method.
 */
public final class ComponentModel {

    private final List<Component> components;
    private final PayloadTypes payloads;

    private ComponentModel(List<Component> components, PayloadTypes payloads) {
        this.components = List.copyOf(components);
        this.payloads = payloads;
    }

    /** Scans packages for annotated components. */
    public static ComponentModel scan(ClassLoader loader, List<String> packages) {
        return of(ClassScanner.classes(loader, packages));
    }

    /** The model of the given classes (those without a component annotation are ignored). */
    public static ComponentModel of(List<Class<?>> classes) {
        List<String> problems = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        PayloadTypes payloads = new PayloadTypes();
        for (Class<?> type : classes.stream().sorted(Comparator.comparing(Class::getName)).toList()) {
            Component component = component(type, problems, payloads);
            if (component != null) {
                components.add(component);
                component.handlers().values().forEach(h -> checkRetries(h, problems));
                component.handlers().values().forEach(h -> checkEventContext(h, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new EventoException(ErrorCode.INVALID_REQUEST, "invalid components:\n  " + String.join("\n  ", problems));
        }
        return new ComponentModel(components, payloads);
    }

    public List<Component> components() {
        return components;
    }

    public PayloadTypes payloads() {
        return payloads;
    }

    private static Component component(Class<?> type, List<String> problems, PayloadTypes payloads) {
        String name = type.getSimpleName();
        if (type.isAnnotationPresent(Aggregate.class)) {
            Aggregate a = type.getAnnotation(Aggregate.class);
            Map<Class<?>, Handler> commands = handlers(type, AggregateCommandHandler.class, DomainCommand.class, problems, payloads);
            Map<Class<?>, Handler> sourcing = handlers(type, EventSourcingHandler.class, DomainEvent.class, problems, payloads);
            Class<?> state = stateType(type, sourcing, AggregateState.class, problems);
            for (Handler h : commands.values()) {
                requireReturn(h, DomainEvent.class, "a domain event", problems);
                if (h.init() == h.sources().contains(ParameterSource.STATE)) {
                    problems.add(h.describe() + ": " + (h.init() ? "an init handler takes no state" : "needs the aggregate state as a parameter (or init = true)"));
                }
            }
            if (commands.isEmpty()) {
                problems.add(name + ": an aggregate needs at least one @AggregateCommandHandler");
            }
            return new Component(name, ComponentKind.AGGREGATE, type, 1, List.of(), commands, sourcing, state, a.snapshotFrequency(), a.description());
        }
        if (type.isAnnotationPresent(Service.class)) {
            Map<Class<?>, Handler> commands = handlers(type, CommandHandler.class, ServiceCommand.class, problems, payloads);
            for (Handler h : commands.values()) {
                if (h.method().getReturnType() != void.class && !ServiceEvent.class.isAssignableFrom(h.method().getReturnType())) {
                    problems.add(h.describe() + ": must return a service event or nothing");
                }
            }
            return new Component(name, ComponentKind.SERVICE, type, 1, List.of(), commands, Map.of(), null, 0, type.getAnnotation(Service.class).description());
        }
        if (type.isAnnotationPresent(Projection.class)) {
            Map<Class<?>, Handler> queries = handlers(type, QueryHandler.class, Query.class, problems, payloads);
            for (Handler h : queries.values()) {
                Class<?> expected = viewOf(h.payload());
                if (expected == null) {
                    problems.add(h.describe() + ": the query must implement Query<ViewType> with a concrete view type");
                } else if (h.returns() == null || !expected.isAssignableFrom(h.returns())) {
                    problems.add(h.describe() + ": returns " + h.method().getGenericReturnType().getTypeName()
                            + " but the query asks for " + expected.getSimpleName());
                }
            }
            return new Component(name, ComponentKind.PROJECTION, type, 1, List.of(), queries, Map.of(), null, 0, type.getAnnotation(Projection.class).description());
        }
        if (type.isAnnotationPresent(Projector.class)) {
            Projector p = type.getAnnotation(Projector.class);
            return consumer(type, ComponentKind.PROJECTOR, p.version(), p.context(), p.description(), problems, payloads);
        }
        if (type.isAnnotationPresent(Observer.class)) {
            Observer o = type.getAnnotation(Observer.class);
            return consumer(type, ComponentKind.OBSERVER, o.version(), o.context(), o.description(), problems, payloads);
        }
        if (type.isAnnotationPresent(Saga.class)) {
            Saga s = type.getAnnotation(Saga.class);
            Map<Class<?>, Handler> handlers = handlers(type, SagaEventHandler.class, Event.class, problems, payloads);
            Class<?> state = stateType(type, handlers, SagaState.class, problems);
            for (Handler h : handlers.values()) {
                if (!hasProperty(h.payload(), h.association())) {
                    problems.add(h.describe() + ": association property '" + h.association() + "' is not a property of "
                            + h.payload().getSimpleName());
                }
            }
            return new Component(name, ComponentKind.SAGA, type, s.version(), contexts(type, s.context(), problems), handlers, Map.of(), state, 0, s.description());
        }
        if (type.isAnnotationPresent(Invoker.class)) {
            return new Component(name, ComponentKind.INVOKER, type, 1, List.of(), Map.of(), Map.of(), null, 0, type.getAnnotation(Invoker.class).description());
        }
        return null;
    }

    private static Component consumer(Class<?> type, ComponentKind kind, int version, String[] contexts, String description,
                                      List<String> problems, PayloadTypes payloads) {
        Map<Class<?>, Handler> handlers = handlers(type, EventHandler.class, Event.class, problems, payloads);
        for (Handler h : handlers.values()) {
            if (h.method().getReturnType() != void.class) {
                problems.add(h.describe() + ": an event handler returns nothing");
            }
        }
        return new Component(type.getSimpleName(), kind, type, version, contexts(type, contexts, problems),
                handlers, Map.of(), null, 0, description);
    }

    /** A consumer's context patterns, each checked; none given means every context. */
    private static List<String> contexts(Class<?> type, String[] declared, List<String> problems) {
        List<String> contexts = new ArrayList<>();
        for (String pattern : declared == null || declared.length == 0 ? new String[]{EventContexts.ANY} : declared) {
            String problem = EventContexts.patternProblem(pattern);
            if (problem != null) {
                problems.add(type.getSimpleName() + ": context " + problem);
            } else if (contexts.contains(pattern)) {
                problems.add(type.getSimpleName() + ": context '" + pattern + "' is declared twice");
            } else {
                contexts.add(pattern);
            }
        }
        return contexts;
    }

    private static Map<Class<?>, Handler> handlers(Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation,
                                                   Class<?> payloadKind, List<String> problems, PayloadTypes payloads) {
        Map<Class<?>, Handler> handlers = new LinkedHashMap<>();
        Method[] methods = type.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::toString));
        for (Method method : methods) {
            if (!method.isAnnotationPresent(annotation)) {
                continue;
            }
            String where = type.getSimpleName() + "." + method.getName();
            Class<?>[] parameters = method.getParameterTypes();
            if (parameters.length == 0 || !payloadKind.isAssignableFrom(parameters[0])) {
                problems.add(where + ": the first parameter must be the " + payloadKind.getSimpleName() + " it handles");
                continue;
            }
            List<ParameterSource> sources = new ArrayList<>();
            sources.add(ParameterSource.PAYLOAD);
            for (int i = 1; i < parameters.length; i++) {
                ParameterSource source = sourceOf(parameters[i]);
                if (source == null) {
                    problems.add(where + ": parameter " + (i + 1) + " (" + parameters[i].getSimpleName() + ") cannot be provided");
                    source = ParameterSource.STATE;
                }
                sources.add(source);
            }
            Class<?> returns = returned(method);
            boolean many = List.class.isAssignableFrom(method.getReturnType());
            Handler handler = new Handler(type.getSimpleName(), method, parameters[0], sources, returns, many,
                    init(method), association(method), retries(method), retryDelay(method));
            Handler previous = handlers.put(parameters[0], handler);
            if (previous != null) {
                problems.add(type.getSimpleName() + ": two handlers for " + parameters[0].getSimpleName() + ": "
                        + previous.method().getName() + " and " + method.getName());
            }
            payloads.register(parameters[0]);
            if (returns != null && io.evento.bundle.api.Payload.class.isAssignableFrom(returns)) {
                payloads.register(returns);
            }
        }
        return handlers;
    }

    private static ParameterSource sourceOf(Class<?> type) {
        if (Metadata.class == type) {
            return ParameterSource.METADATA;
        } else if (EventInfo.class == type) {
            return ParameterSource.EVENT_INFO;
        } else if (CommandGateway.class == type) {
            return ParameterSource.COMMAND_GATEWAY;
        } else if (QueryGateway.class == type) {
            return ParameterSource.QUERY_GATEWAY;
        } else if (Connection.class == type) {
            return ParameterSource.CONNECTION;
        } else if (Instant.class == type) {
            return ParameterSource.TIMESTAMP;
        } else if (io.evento.bundle.api.AfterCommit.class == type) {
            return ParameterSource.AFTER_COMMIT;
        } else if (AggregateState.class.isAssignableFrom(type) || SagaState.class.isAssignableFrom(type)) {
            return ParameterSource.STATE;
        }
        return null;
    }

    private static Class<?> returned(Method method) {
        Type generic = method.getGenericReturnType();
        if (generic instanceof ParameterizedType parameterized && List.class.isAssignableFrom(method.getReturnType())) {
            Type element = parameterized.getActualTypeArguments()[0];
            return element instanceof Class<?> c ? c : null;
        }
        return method.getReturnType() == void.class ? null : method.getReturnType();
    }

    private static Class<?> stateType(Class<?> type, Map<Class<?>, Handler> handlers, Class<?> kind, List<String> problems) {
        Map<Class<?>, String> states = new HashMap<>();
        for (Handler h : handlers.values()) {
            if (h.returns() == null || !kind.isAssignableFrom(h.returns())) {
                problems.add(h.describe() + ": must return the " + kind.getSimpleName());
            } else {
                states.put(h.returns(), h.describe());
            }
        }
        if (states.size() > 1) {
            problems.add(type.getSimpleName() + ": handlers return different state types " + states.keySet().stream().map(Class::getSimpleName).toList());
        }
        return states.keySet().stream().findFirst().orElse(null);
    }

    private static void requireReturn(Handler handler, Class<?> kind, String what, List<String> problems) {
        if (handler.returns() == null || !kind.isAssignableFrom(handler.returns())) {
            problems.add(handler.describe() + ": must return " + what);
        }
    }

    /** The view type {@code V} of a query class implementing {@code Query<V>}. */
    static Class<?> viewOf(Class<?> query) {
        for (Class<?> c = query; c != null; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Query.class
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> view && View.class.isAssignableFrom(view)) {
                    return view;
                }
            }
        }
        return null;
    }

    static boolean hasProperty(Class<?> type, String property) {
        if (property == null || property.isBlank()) {
            return false;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(property)) {
                    return true;
                }
            }
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                c.getDeclaredField(property);
                return true;
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return false;
    }

    private static boolean init(Method method) {
        AggregateCommandHandler a = method.getAnnotation(AggregateCommandHandler.class);
        SagaEventHandler s = method.getAnnotation(SagaEventHandler.class);
        return (a != null && a.init()) || (s != null && s.init());
    }

    private static String association(Method method) {
        SagaEventHandler s = method.getAnnotation(SagaEventHandler.class);
        return s == null ? null : s.associationProperty();
    }

    /** {@code retries}: -1 retries without end (blocking the consumer), 0 or more that many times; the delay is not negative. */
    private static void checkRetries(Handler handler, List<String> problems) {
        if (handler.retries() < -1) {
            problems.add(handler.describe() + ": retries must be -1 (retry without end, blocking the consumer) or 0 or more, got "
                    + handler.retries());
        }
        if (handler.retryDelayMillis() < 0) {
            problems.add(handler.describe() + ": retryDelayMillis must not be negative, got " + handler.retryDelayMillis());
        }
    }

    /** A context a command handler declares for its events is a context name. */
    private static void checkEventContext(Handler handler, List<String> problems) {
        String declared = handler.declaredEventContext();
        String problem = declared == null ? null : EventContexts.nameProblem(declared);
        if (problem != null) {
            problems.add(handler.describe() + ": context " + problem);
        }
    }

    private static int retries(Method method) {
        EventHandler e = method.getAnnotation(EventHandler.class);
        SagaEventHandler s = method.getAnnotation(SagaEventHandler.class);
        return e != null ? e.retries() : s != null ? s.retries() : 0;
    }

    private static long retryDelay(Method method) {
        EventHandler e = method.getAnnotation(EventHandler.class);
        SagaEventHandler s = method.getAnnotation(SagaEventHandler.class);
        return e != null ? e.retryDelayMillis() : s != null ? s.retryDelayMillis() : 0;
    }
}
