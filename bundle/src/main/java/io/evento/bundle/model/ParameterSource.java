package io.evento.bundle.model;

/** What fills a handler parameter. */
enum ParameterSource {
    PAYLOAD, STATE, METADATA, EVENT_INFO, COMMAND_GATEWAY, QUERY_GATEWAY, CONNECTION, TIMESTAMP, AFTER_COMMIT
}
