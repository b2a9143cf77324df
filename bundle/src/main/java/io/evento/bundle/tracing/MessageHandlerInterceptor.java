package io.evento.bundle.tracing;

import io.evento.protocol.frame.ComponentKind;

import java.util.Set;

/**
 * Hooks around every handler execution of a bundle (to log, to measure, to set up a context), in
 * the order registered on the builder; {@link #forKinds} limits one to some component kinds. An
 * interceptor that throws in {@code before} fails the execution as the handler would.
 */
public interface MessageHandlerInterceptor {

    default void before(HandledMessage message) {
    }

    /** After the handler returned {@code result} (the event, view or saga state; null for none). */
    default void after(HandledMessage message, Object result) {
    }

    /** After the handler threw; the failure goes on to the platform (retry, dead event, failed command). */
    default void onException(HandledMessage message, Throwable failure) {
    }

    /** This interceptor for components of the given kinds only. */
    static MessageHandlerInterceptor forKinds(Set<ComponentKind> kinds, MessageHandlerInterceptor interceptor) {
        return new MessageHandlerInterceptor() {
            @Override
            public void before(HandledMessage message) {
                if (kinds.contains(message.kind())) {
                    interceptor.before(message);
                }
            }

            @Override
            public void after(HandledMessage message, Object result) {
                if (kinds.contains(message.kind())) {
                    interceptor.after(message, result);
                }
            }

            @Override
            public void onException(HandledMessage message, Throwable failure) {
                if (kinds.contains(message.kind())) {
                    interceptor.onException(message, failure);
                }
            }
        };
    }
}
