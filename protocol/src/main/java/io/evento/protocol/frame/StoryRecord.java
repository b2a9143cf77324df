package io.evento.protocol.frame;

import io.evento.protocol.json.RawJson;

import java.util.List;

/**
 * An aggregate's story, sent with a domain command.
 *
 * @param snapshotSequence the sequence the snapshot covers, 0 without snapshot
 * @param snapshot         the snapshot state, or null
 * @param events           events after the snapshot, in sequence order
 * @param lastSequence     the aggregate's last sequence (0: new)
 * @param deleted          the aggregate was deleted
 */
public record StoryRecord(long snapshotSequence, RawJson snapshot, List<EventRecord> events, long lastSequence, boolean deleted) {

    public StoryRecord {
        events = Fields.list(events);
    }
}
