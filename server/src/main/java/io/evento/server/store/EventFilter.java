package io.evento.server.store;

import io.evento.protocol.frame.EventContexts;

import java.util.Set;

/**
 * Which events of the global stream a reader wants.
 *
 * @param eventTypes the payload type names; empty means every type
 * @param context    a context pattern: {@code *} every context, {@code name*} those starting with
 *                   {@code name}, otherwise exactly that context
 */
public record EventFilter(Set<String> eventTypes, String context) {

    public static final String ANY_CONTEXT = EventContexts.ANY;
    public static final EventFilter ALL = new EventFilter(Set.of(), ANY_CONTEXT);

    public EventFilter {
        eventTypes = Set.copyOf(eventTypes);
        context = context == null || context.isBlank() ? ANY_CONTEXT : context;
    }

    public static EventFilter types(String... types) {
        return new EventFilter(Set.of(types), ANY_CONTEXT);
    }

    /** The one context the pattern names, or null when it is {@code *} or a prefix. */
    public String exactContext() {
        return ANY_CONTEXT.equals(context) || context.endsWith("*") ? null : context;
    }

    /** The prefix of a {@code name*} pattern, or null. */
    public String contextPrefix() {
        return !ANY_CONTEXT.equals(context) && context.endsWith("*") ? context.substring(0, context.length() - 1) : null;
    }

    public boolean matches(String eventType, String eventContext) {
        return (eventTypes.isEmpty() || eventTypes.contains(eventType)) && EventContexts.matches(context, eventContext);
    }
}
