package io.evento.bundle.tracing;

import java.util.List;

/**
 * Runs handler executions through the bundle's agent and interceptors, and knows which message the
 * current thread handles, so that the gateways can correlate what a handler sends.
 */
public final class HandlerExecutions {

    private static final ThreadLocal<HandledMessage> CURRENT = new ThreadLocal<>();

    private final TracingAgent agent;
    private final List<MessageHandlerInterceptor> interceptors;

    public HandlerExecutions(TracingAgent agent, List<MessageHandlerInterceptor> interceptors) {
        this.agent = agent == null ? new CorrelationTracingAgent() : agent;
        this.interceptors = List.copyOf(interceptors);
    }

    /** The executions of a bundle without interceptors, with the default agent. */
    public static HandlerExecutions plain() {
        return new HandlerExecutions(null, List.of());
    }

    public TracingAgent agent() {
        return agent;
    }

    /** The message a handler on this thread is executing on, or null. */
    public static HandledMessage current() {
        return CURRENT.get();
    }

    /** Runs a handler's execution on {@code message}: agent around, interceptors inside, the message current meanwhile. */
    public <T> T run(HandledMessage message, TracingAgent.Execution<T> execution) throws Exception {
        return agent.track(message, () -> {
            HandledMessage previous = CURRENT.get();
            CURRENT.set(message);
            try {
                interceptors.forEach(interceptor -> interceptor.before(message));
                T result = execution.run();
                interceptors.forEach(interceptor -> interceptor.after(message, result));
                return result;
            } catch (Exception | Error e) {
                for (MessageHandlerInterceptor interceptor : interceptors) {
                    try {
                        interceptor.onException(message, e);
                    } catch (RuntimeException broken) {
                        e.addSuppressed(broken);
                    }
                }
                throw e;
            } finally {
                if (previous == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(previous);
                }
            }
        });
    }
}
