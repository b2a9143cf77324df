package io.evento.bundle.model;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * One handler method: the payload it takes, how to fill its other parameters, and how to call it.
 *
 * @param component   the component name
 * @param method      the method
 * @param payload     the payload class (first parameter)
 * @param sources     what fills each parameter
 * @param returns     the declared return type's payload class (event, view, state), or null
 * @param returnsMany a query handler returning a list
 * @param init        an aggregate or saga handler that creates the instance
 * @param association a saga handler's association property
 * @param retries     retry budget of a consumer handler
 * @param retryDelayMillis first retry delay of a consumer handler
 */
public record Handler(String component, Method method, Class<?> payload, List<ParameterSource> sources, Class<?> returns,
                      boolean returnsMany, boolean init, String association, int retries, long retryDelayMillis) {

    public Handler {
        sources = List.copyOf(sources);
        method.setAccessible(true);
    }

    /** Calls the handler; an exception it throws comes back as-is (unwrapped). */
    public Object invoke(Object instance, Object payloadValue, HandlerContext context) throws Exception {
        Object[] arguments = new Object[sources.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = switch (sources.get(i)) {
                case PAYLOAD -> payloadValue;
                case STATE -> context.state();
                case METADATA -> context.metadata();
                case EVENT_INFO -> context.eventInfo();
                case COMMAND_GATEWAY -> context.commands();
                case QUERY_GATEWAY -> context.queries();
                case CONNECTION -> context.connection();
                case TIMESTAMP -> context.timestamp();
                case AFTER_COMMIT -> context.afterCommit();
            };
        }
        try {
            return method.invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw new EventoException(ErrorCode.HANDLER_FAILED, String.valueOf(cause), cause);
        }
    }

    /** Whether the handler wants the consumer state store's transaction connection. */
    public boolean wantsConnection() {
        return sources.contains(ParameterSource.CONNECTION);
    }

    public String describe() {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "(" + payload.getSimpleName() + ")";
    }
}
