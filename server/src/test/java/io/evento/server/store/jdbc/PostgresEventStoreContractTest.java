package io.evento.server.store.jdbc;

import io.evento.server.store.EventStore;
import io.evento.server.store.EventStoreContract;
import io.evento.server.store.EventStoreMode;
import io.evento.server.store.EventStoreSettings;
import io.evento.server.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.concurrent.Executors;

/** The event store contract against PostgreSQL, in each of the three modes (one database per mode). */
class PostgresEventStoreContractTest {

    /** Runs the contract on a migrated database created for one mode. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class InMode extends EventStoreContract {

        private TestDatabase database;

        abstract EventStoreSettings settings();

        @BeforeAll
        void createDatabase() {
            database = TestDatabase.migrated();
        }

        @AfterAll
        void dropDatabase() {
            database.close();
        }

        @Override
        protected EventStore newStore() {
            database.execute("TRUNCATE evento_event, evento_snapshot, evento_aggregate_deletion");
            return new PostgresEventStore(database.newDataSource(), settings(), Executors.defaultThreadFactory());
        }
    }

    @Nested
    class Horizon extends InMode {
        @Override
        EventStoreSettings settings() {
            return EventStoreSettings.defaults(EventStoreMode.HORIZON);
        }
    }

    @Nested
    class Cpes extends InMode {
        @Override
        EventStoreSettings settings() {
            return EventStoreSettings.defaults(EventStoreMode.CPES);
        }
    }

    @Nested
    class Apes extends InMode {
        @Override
        EventStoreSettings settings() {
            return EventStoreSettings.defaults(EventStoreMode.APES).withFetchDelay(Duration.ofMillis(100));
        }
    }
}
