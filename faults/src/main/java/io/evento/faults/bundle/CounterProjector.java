package io.evento.faults.bundle;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Projector;
import io.evento.bundle.api.EventInfo;
import io.evento.faults.bundle.Counters.Incremented;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Records every event it applies in {@code fault_applied}, in the consumer state store's
 * transaction (exactly-once effect): an event applied twice shows as {@code times > 1}.
 */
@Projector(version = 1)
public class CounterProjector {

    static final String TABLE = "CREATE TABLE IF NOT EXISTS fault_applied (event_id text PRIMARY KEY, counter_id text NOT NULL, "
            + "value bigint NOT NULL, times int NOT NULL)";
    private static final String APPLY = "INSERT INTO fault_applied (event_id, counter_id, value, times) VALUES (?, ?, ?, 1) "
            + "ON CONFLICT (event_id) DO UPDATE SET times = fault_applied.times + 1";

    @EventHandler(retries = 50, retryDelayMillis = 200)
    void on(Incremented event, EventInfo info, Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(APPLY)) {
            insert.setString(1, info.eventId());
            insert.setString(2, event.counterId());
            insert.setLong(3, event.value());
            insert.executeUpdate();
        }
    }
}
