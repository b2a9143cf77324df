package io.evento.server.store;

import java.util.Set;

/**
 * Which events of the global stream a reader wants.
 *
 * @param eventTypes the payload type names; empty means every type
 * @param context    the context, or {@code *} for every context
 */
public record EventFilter(Set<String> eventTypes, String context) {

    public static final String ANY_CONTEXT = "*";
    public static final EventFilter ALL = new EventFilter(Set.of(), ANY_CONTEXT);

    public EventFilter {
        eventTypes = Set.copyOf(eventTypes);
        context = context == null || context.isBlank() ? ANY_CONTEXT : context;
    }

    public static EventFilter types(String... types) {
        return new EventFilter(Set.of(types), ANY_CONTEXT);
    }

    public boolean matches(String eventType, String eventContext) {
        return (eventTypes.isEmpty() || eventTypes.contains(eventType))
                && (ANY_CONTEXT.equals(context) || context.equals(eventContext));
    }
}
