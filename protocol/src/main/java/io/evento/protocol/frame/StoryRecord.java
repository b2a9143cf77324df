package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

import java.util.List;

/**
 * An aggregate's story, sent with a domain command: complete (the latest snapshot and the events
 * after it), or, to a bundle with an aggregate cache, only what came after the state it holds.
 *
 * @param snapshotSequence the sequence the snapshot covers, 0 without snapshot
 * @param snapshot         the snapshot state, or null
 * @param events           events after the snapshot (after {@code baseSequence} when that is set), in sequence order
 * @param lastSequence     the aggregate's last sequence (0: new)
 * @param deleted          the aggregate was deleted
 * @param baseSequence     0: the story is complete; above 0: the bundle holds the state after this
 *                         sequence in its aggregate cache and applies {@code events} to it (if it
 *                         does not hold that state it answers {@code failure} {@code CACHE_MISS})
 */
public record StoryRecord(long snapshotSequence, RawJson snapshot, List<EventRecord> events, long lastSequence, boolean deleted,
                          long baseSequence) {

    public StoryRecord {
        events = Fields.list(events);
        if (baseSequence < 0 || baseSequence > lastSequence) {
            throw new IllegalArgumentException("baseSequence must be between 0 and lastSequence");
        }
    }

    /** A complete story. */
    public StoryRecord(long snapshotSequence, RawJson snapshot, List<EventRecord> events, long lastSequence, boolean deleted) {
        this(snapshotSequence, snapshot, events, lastSequence, deleted, 0);
    }

    /** Only the events after the cached state at {@code baseSequence} (none when it is the last). */
    public static StoryRecord after(long baseSequence, List<EventRecord> events, long lastSequence) {
        return new StoryRecord(0, null, events, lastSequence, false, baseSequence);
    }

    /** Whether the bundle must apply the events to its cached state. */
    public boolean incremental() {
        return baseSequence > 0;
    }
}
