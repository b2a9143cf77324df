package io.evento.server.store;

import java.util.Optional;

/**
 * What executing a domain command reads: the aggregate's story, and the event the command stores
 * if it is stored already (the command ran before, through this or another server instance).
 *
 * @param story   the aggregate's latest snapshot and the events after it
 * @param earlier the command's event, if it is stored
 */
public record CommandStory(AggregateStory story, Optional<StoredEvent> earlier) {
}
