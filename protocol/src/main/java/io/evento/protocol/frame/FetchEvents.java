package io.evento.protocol.frame;

import java.util.List;

/**
 * Bundle → server: the next events of the global stream for a consumer. Answered by {@link EventsFetched}.
 *
 * @param id         frame id
 * @param consumerId the consumer (telemetry, admin views)
 * @param after      the cursor after which to read ({@code tx.position}; {@code 0.0} or null: the start)
 * @param types      the event types wanted (empty: all)
 * @param context    the contexts read: {@code *} (or null) all, {@code name*} those starting with {@code name}, else exactly one
 * @param limit      at most this many events (1-1000)
 */
public record FetchEvents(String id, String consumerId, String after, List<String> types, String context, int limit) implements Frame {

    public FetchEvents {
        Fields.text(id, "id");
        Fields.cursor(after, "after");
        types = Fields.list(types);
        context = context == null || context.isBlank() ? EventContexts.ANY : EventContexts.requirePattern(context, "context");
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
    }
}
