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

    /** The context a command handler's annotation gives its events, or null. */
    public String declaredEventContext() {
        io.evento.bundle.annotation.AggregateCommandHandler aggregate = method.getAnnotation(io.evento.bundle.annotation.AggregateCommandHandler.class);
        io.evento.bundle.annotation.CommandHandler service = method.getAnnotation(io.evento.bundle.annotation.CommandHandler.class);
        String declared = aggregate != null ? aggregate.context() : service != null ? service.context() : "";
        return declared.isBlank() ? null : declared;
    }

    /**
     * The context an event this handler returned is stored in: the event's own, else the handler's,
     * else null (the server stores {@code default}). An event naming an invalid context fails.
     */
    public String eventContext(Object event) {
        if (event instanceof io.evento.bundle.api.ContextualEvent contextual && contextual.context() != null && !contextual.context().isBlank()) {
            String problem = io.evento.protocol.frame.EventContexts.nameProblem(contextual.context());
            if (problem != null) {
                throw new EventoException(ErrorCode.INVALID_REQUEST, describe() + " returned " + event.getClass().getSimpleName()
                        + " whose context " + problem);
            }
            return contextual.context();
        }
        return declaredEventContext();
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
