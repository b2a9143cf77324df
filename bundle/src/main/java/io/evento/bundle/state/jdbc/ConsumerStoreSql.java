package io.evento.bundle.state.jdbc;

/** Every SQL statement of the JDBC consumer state store; a dialect supplies the few that differ. */
abstract class ConsumerStoreSql {

    /** Flyway location of the dialect's migrations. */
    abstract String migrations();

    /** Now plus a number of milliseconds (one parameter). */
    abstract String nowPlusMillis();

    abstract String insertConsumerIfMissing();

    abstract String upsertSaga();

    abstract String upsertAssociation();

    abstract String upsertDeadEvent();

    /**
     * An administrator's new position. It also moves the epoch on, so the instance running the
     * consumer cannot overwrite it with the position of an event it was handling: its next write
     * fails as a lost lease, it takes the lease again and reads the new position.
     */
    abstract String upsertPosition();

    static final String NOW = "CURRENT_TIMESTAMP(3)";

    /** Takes the lease when free, expired or already ours; the epoch grows when it changes hands. Parameters: owner, ttl ms, consumer, owner. */
    String acquire() {
        return "UPDATE evento_consumer SET epoch = CASE WHEN owner = ? AND lease_until > " + NOW + " THEN epoch ELSE epoch + 1 END, "
                + "owner = ?, lease_until = " + nowPlusMillis() + " WHERE consumer_id = ? AND (owner IS NULL OR owner = ? OR lease_until <= " + NOW + ")";
    }

    String renew() {
        return "UPDATE evento_consumer SET lease_until = " + nowPlusMillis() + " WHERE consumer_id = ? AND owner = ? AND epoch = ?";
    }

    static final String SELECT_LEASE = "SELECT owner, epoch FROM evento_consumer WHERE consumer_id = ?";

    static final String RELEASE = "UPDATE evento_consumer SET owner = NULL, lease_until = '1970-01-01 00:00:00.001' "
            + "WHERE consumer_id = ? AND owner = ? AND epoch = ?";

    static final String SELECT_POSITION = "SELECT position FROM evento_consumer WHERE consumer_id = ?";

    /** Fenced by owner and epoch: 0 rows means the lease changed hands. */
    static final String SAVE_POSITION = "UPDATE evento_consumer SET position = ?, updated_at = " + NOW
            + " WHERE consumer_id = ? AND owner = ? AND epoch = ?";

    static final String FIND_SAGA = "SELECT s.saga_id, s.state FROM evento_saga_association a JOIN evento_saga s "
            + "ON s.consumer_id = a.consumer_id AND s.saga_name = a.saga_name AND s.saga_id = a.saga_id "
            + "WHERE a.consumer_id = ? AND a.saga_name = ? AND a.property = ? AND a.value = ?";

    static final String SAGA_ASSOCIATIONS = "SELECT property, value FROM evento_saga_association WHERE consumer_id = ? AND saga_name = ? AND saga_id = ?";

    static final String DELETE_ASSOCIATIONS = "DELETE FROM evento_saga_association WHERE consumer_id = ? AND saga_name = ? AND saga_id = ?";

    static final String DELETE_SAGA = "DELETE FROM evento_saga WHERE consumer_id = ? AND saga_name = ? AND saga_id = ?";

    static final String DELETE_DEAD_EVENT = "DELETE FROM evento_dead_event WHERE consumer_id = ? AND event_id = ?";

    static final String SELECT_DEAD_EVENTS = "SELECT consumer_id, event_id, position, event_type, event_json, error, attempts, retry, dead_at "
            + "FROM evento_dead_event WHERE consumer_id = ? ORDER BY dead_at, event_id";

    static final String FLAG_DEAD_EVENT = "UPDATE evento_dead_event SET retry = TRUE WHERE consumer_id = ? AND event_id = ?";

    /** PostgreSQL. */
    static final class Postgres extends ConsumerStoreSql {
        @Override
        String migrations() {
            return "classpath:db/evento-bundle/postgresql";
        }

        @Override
        String nowPlusMillis() {
            return "(" + NOW + " + (? * interval '1 millisecond'))";
        }

        @Override
        String insertConsumerIfMissing() {
            return "INSERT INTO evento_consumer (consumer_id) VALUES (?) ON CONFLICT (consumer_id) DO NOTHING";
        }

        @Override
        String upsertSaga() {
            return "INSERT INTO evento_saga (consumer_id, saga_name, saga_id, state) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (consumer_id, saga_name, saga_id) DO UPDATE SET state = excluded.state";
        }

        @Override
        String upsertAssociation() {
            return "INSERT INTO evento_saga_association (consumer_id, saga_name, property, value, saga_id) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (consumer_id, saga_name, property, value) DO UPDATE SET saga_id = excluded.saga_id";
        }

        @Override
        String upsertDeadEvent() {
            return "INSERT INTO evento_dead_event (consumer_id, event_id, position, event_type, event_json, error, attempts, retry, dead_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, " + NOW + ") ON CONFLICT (consumer_id, event_id) DO UPDATE SET "
                    + "error = excluded.error, attempts = evento_dead_event.attempts + excluded.attempts, retry = FALSE";
        }

        @Override
        String upsertPosition() {
            return "INSERT INTO evento_consumer (consumer_id, position) VALUES (?, ?) "
                    + "ON CONFLICT (consumer_id) DO UPDATE SET position = excluded.position, epoch = evento_consumer.epoch + 1, updated_at = " + NOW;
        }
    }

    /** MySQL and MariaDB. */
    static final class Mysql extends ConsumerStoreSql {
        @Override
        String migrations() {
            return "classpath:db/evento-bundle/mysql";
        }

        @Override
        String nowPlusMillis() {
            return "TIMESTAMPADD(MICROSECOND, ? * 1000, " + NOW + ")";
        }

        @Override
        String insertConsumerIfMissing() {
            return "INSERT IGNORE INTO evento_consumer (consumer_id) VALUES (?)";
        }

        @Override
        String upsertSaga() {
            return "INSERT INTO evento_saga (consumer_id, saga_name, saga_id, state) VALUES (?, ?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE state = VALUES(state)";
        }

        @Override
        String upsertAssociation() {
            return "INSERT INTO evento_saga_association (consumer_id, saga_name, property, value, saga_id) VALUES (?, ?, ?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE saga_id = VALUES(saga_id)";
        }

        @Override
        String upsertDeadEvent() {
            return "INSERT INTO evento_dead_event (consumer_id, event_id, position, event_type, event_json, error, attempts, retry, dead_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, " + NOW + ") ON DUPLICATE KEY UPDATE "
                    + "error = VALUES(error), attempts = attempts + VALUES(attempts), retry = FALSE";
        }

        @Override
        String upsertPosition() {
            return "INSERT INTO evento_consumer (consumer_id, position) VALUES (?, ?) "
                    + "ON DUPLICATE KEY UPDATE position = VALUES(position), epoch = epoch + 1, updated_at = " + NOW;
        }
    }
}
