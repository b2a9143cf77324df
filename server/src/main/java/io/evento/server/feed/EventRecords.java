package io.evento.server.feed;

import io.evento.protocol.frame.EventRecord;
import io.evento.protocol.json.RawJson;
import io.evento.server.store.StoredEvent;

/** Stored events as protocol records. */
public final class EventRecords {

    private EventRecords() {
    }

    public static EventRecord of(StoredEvent event) {
        return new EventRecord(event.position().toString(), event.eventId(), event.aggregateId(), event.aggregateSequence(),
                event.eventType(), event.context(), RawJson.of(event.payload()), RawJson.of(event.metadata()),
                event.createdAt().toEpochMilli());
    }
}
