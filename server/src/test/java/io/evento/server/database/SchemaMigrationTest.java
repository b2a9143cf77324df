package io.evento.server.database;

import io.evento.server.testing.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigrationTest {

    /**
     * The migrations in db/migration: V1 event store, V2 admin, V3 drops an unused index, V4 admin
     * documents as text and the payload search function, V5 the cluster's failed logins.
     */
    private static final int MIGRATIONS = 6;
    private static final String LATEST = "6";


    @Nested
    class OnAnEmptyDatabase {

        @Test
        void instancesStartingAtTheSameMomentMigrateItExactlyOnce() throws Exception {
            try (TestDatabase database = TestDatabase.empty()) {
                // given eight "instances", each with its own datasource, released at the same moment
                int instances = 8;
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService threads = Executors.newFixedThreadPool(instances);
                List<Future<SchemaMigration.Report>> reports = new ArrayList<>();
                for (int i = 0; i < instances; i++) {
                    SchemaMigration migration = new SchemaMigration(database.newDataSource());
                    reports.add(threads.submit(() -> {
                        start.await();
                        return migration.migrate();
                    }));
                }

                // when
                start.countDown();
                int applied = 0;
                for (Future<SchemaMigration.Report> report : reports) {
                    applied += report.get().applied();
                    assertThat(report.get().version()).isEqualTo(LATEST);
                }
                threads.shutdown();

                // then every migration ran once, by one instance, and succeeded
                assertThat(applied).isEqualTo(MIGRATIONS);
                assertThat(database.queryLong("SELECT count(*) FROM evento_schema_history WHERE version IS NOT NULL")).isEqualTo(MIGRATIONS);
                assertThat(database.queryLong("SELECT count(*) FROM evento_schema_history WHERE NOT success")).isZero();
                assertThat(database.queryLong("SELECT count(*) FROM evento_store_setting WHERE name = 'store.id'")).isEqualTo(1);
            }
        }
    }

    @Nested
    class OnADatabaseThatHoldsOtherTablesAlready {

        @Test
        void createsTheStoreBesideThem() throws Exception {
            try (TestDatabase database = TestDatabase.empty()) {
                // given a bundle's consumer state (or an application's tables) in the database
                database.execute("CREATE TABLE evento_consumer (consumer_id text PRIMARY KEY)");

                // when
                SchemaMigration.Report report = new SchemaMigration(database.newDataSource()).migrate();

                // then
                assertThat(report.version()).isEqualTo(LATEST);
                assertThat(database.queryLong("SELECT count(*) FROM evento_event")).isZero();
            }
        }
    }

    @Nested
    class OnAMigratedDatabase {

        @Test
        void anotherStartAppliesNothingAndReportsTheVersion() throws Exception {
            try (TestDatabase database = TestDatabase.migrated()) {
                // given
                SchemaMigration migration = new SchemaMigration(database.newDataSource());

                // when
                SchemaMigration.Report report = migration.migrate();

                // then
                assertThat(report.applied()).isZero();
                assertThat(report.version()).isEqualTo(LATEST);
                assertThat(migration.upToDate()).isTrue();
            }
        }
    }
}
