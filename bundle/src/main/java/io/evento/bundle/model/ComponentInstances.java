package io.evento.bundle.model;

import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.QueryGateway;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Creates one instance per component class: through the application's injector when it returns
 * one, otherwise with the constructor whose parameters are gateways or objects the injector
 * provides (no-argument constructors too).
 */
public final class ComponentInstances {

    private final Function<Class<?>, Object> injector;
    private final Function<Class<?>, CommandGateway> commands;
    private final Function<Class<?>, QueryGateway> queries;
    private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

    public ComponentInstances(Function<Class<?>, Object> injector, CommandGateway commands, QueryGateway queries) {
        this(injector, type -> commands, type -> queries);
    }

    /** Gateways per component type: they send as that component (telemetry: who sends what). */
    public ComponentInstances(Function<Class<?>, Object> injector, Function<Class<?>, CommandGateway> commands,
                              Function<Class<?>, QueryGateway> queries) {
        this.injector = injector == null ? type -> null : injector;
        this.commands = commands;
        this.queries = queries;
    }

    public Object of(Class<?> type) {
        return instances.computeIfAbsent(type, this::create);
    }

    private Object create(Class<?> type) {
        Object provided = injector.apply(type);
        if (provided != null) {
            return provided;
        }
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        java.util.Arrays.sort(constructors, (a, b) -> Integer.compare(b.getParameterCount(), a.getParameterCount()));
        for (Constructor<?> constructor : constructors) {
            Object[] arguments = new Object[constructor.getParameterCount()];
            boolean satisfied = true;
            Class<?>[] parameters = constructor.getParameterTypes();
            for (int i = 0; i < parameters.length && satisfied; i++) {
                if (parameters[i] == CommandGateway.class) {
                    arguments[i] = commands.apply(type);
                } else if (parameters[i] == QueryGateway.class) {
                    arguments[i] = queries.apply(type);
                } else {
                    arguments[i] = injector.apply(parameters[i]);
                    satisfied = arguments[i] != null;
                }
            }
            if (satisfied) {
                try {
                    constructor.setAccessible(true);
                    return constructor.newInstance(arguments);
                } catch (ReflectiveOperationException e) {
                    throw new EventoException(ErrorCode.INVALID_REQUEST, "cannot create " + type.getSimpleName() + ": " + e, e);
                }
            }
        }
        throw new EventoException(ErrorCode.INVALID_REQUEST, "cannot create " + type.getSimpleName()
                + ": no constructor whose parameters are gateways or objects the injector provides");
    }
}
