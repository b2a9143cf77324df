package io.evento.server.store.jpa;

import io.evento.server.store.StreamPosition;

import java.time.Instant;
import java.util.Set;

/**
 * What the state store browser looks for; every criterion but {@code after} and {@code limit} is
 * optional (null or empty: any).
 *
 * @param after       events strictly after this place in the stream ({@link StreamPosition#START} for all)
 * @param before      events strictly before this place
 * @param types       payload type names
 * @param context     the event context
 * @param aggregateId the aggregate, exactly
 * @param from        created at or after
 * @param to          created before
 * @param contains    a JSON object the payload contains (PostgreSQL {@code jsonb @>}), checked by the caller
 * @param limit       most events answered
 */
public record EventSearch(StreamPosition after, StreamPosition before, Set<String> types, String context, String aggregateId,
                          Instant from, Instant to, String contains, int limit) {

    public EventSearch {
        after = after == null ? StreamPosition.START : after;
        types = types == null ? Set.of() : Set.copyOf(types);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
