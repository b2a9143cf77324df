package io.evento.bundle.model;

import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.EventInfo;
import io.evento.bundle.api.Metadata;
import io.evento.bundle.api.QueryGateway;

import java.sql.Connection;
import java.time.Instant;

/**
 * The values a handler's extra parameters can take for one invocation.
 *
 * @param state      the aggregate or saga state (or null)
 * @param metadata   the message metadata
 * @param eventInfo  position and timestamp of the event (consumers)
 * @param commands   the command gateway
 * @param queries    the query gateway
 * @param connection the consumer state store's transaction connection (JDBC stores), or null
 * @param afterCommit where actions to run after the consumer's commit go, or null
 */
public record HandlerContext(Object state, Metadata metadata, EventInfo eventInfo, CommandGateway commands,
                             QueryGateway queries, Connection connection, io.evento.bundle.api.AfterCommit afterCommit) {

    public HandlerContext(Object state, Metadata metadata, EventInfo eventInfo, CommandGateway commands, QueryGateway queries,
                          Connection connection) {
        this(state, metadata, eventInfo, commands, queries, connection, action -> action.run());
    }

    Instant timestamp() {
        return eventInfo == null ? Instant.now() : eventInfo.timestamp();
    }
}
