package io.evento.server.command;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of the event a command stores is derived from the command's idempotency key, so that
 * executing the same command again (a retry, a re-dispatch after a crash) can only ever store it
 * once: the event store acknowledges the repetition with the original event.
 */
final class EventIds {

    private EventIds() {
    }

    static String forRequest(String requestKey) {
        return UUID.nameUUIDFromBytes(("evento-event:" + requestKey).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
