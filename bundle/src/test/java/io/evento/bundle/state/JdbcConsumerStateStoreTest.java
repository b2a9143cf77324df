package io.evento.bundle.state;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.evento.bundle.state.jdbc.JdbcConsumerStateStore;
import io.evento.payara.database.ThrowawayDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against PostgreSQL and MariaDB (both run on the build machine). */
class JdbcConsumerStateStoreTest {

    @Nested
    class InADatabaseThatHoldsOtherTablesAlready {

        @Test
        void createsItsOwnTablesBesideThem() throws Exception {
            // given an application's (or the Evento Server's) tables in the database
            try (ThrowawayDatabase database = ThrowawayDatabase.create("evento_bundle");
                 HikariDataSource pool = pool(database.jdbcUrl(), ThrowawayDatabase.user(), ThrowawayDatabase.password())) {
                try (java.sql.Connection c = pool.getConnection(); java.sql.Statement statement = c.createStatement()) {
                    statement.execute("CREATE TABLE todo_item (id text PRIMARY KEY)");
                }

                // when
                ConsumerStateStore store = new JdbcConsumerStateStore(pool);

                // then
                assertThat(store.acquire("c:1", "owner-a", java.time.Duration.ofSeconds(10))).isPresent();
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgreSql extends ConsumerStateStoreContract {
        private ThrowawayDatabase database;
        private HikariDataSource pool;

        @BeforeAll
        void create() {
            database = ThrowawayDatabase.create("evento_bundle");
            pool = pool(database.jdbcUrl(), ThrowawayDatabase.user(), ThrowawayDatabase.password());
        }

        @AfterAll
        void drop() {
            pool.close();
            database.close();
        }

        @Override
        protected ConsumerStateStore newStore() {
            return new JdbcConsumerStateStore(pool);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnMariaDb extends ConsumerStateStoreContract {
        private final String name = "evento_bundle_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        private HikariDataSource pool;

        @BeforeAll
        void create() throws Exception {
            execute("CREATE DATABASE " + name);
            pool = pool(mariaUrl(name), mariaUser(), mariaPassword());
        }

        @AfterAll
        void drop() throws Exception {
            pool.close();
            execute("DROP DATABASE IF EXISTS " + name);
        }

        @Override
        protected ConsumerStateStore newStore() {
            return new JdbcConsumerStateStore(pool);
        }
    }

    static String mariaUrl(String database) {
        String base = io.evento.payara.services.TestServices.mariaDb().baseUrl();
        return base + database;
    }

    static String mariaUser() {
        return io.evento.payara.services.TestServices.mariaDb().user();
    }

    static String mariaPassword() {
        return io.evento.payara.services.TestServices.mariaDb().password();
    }

    static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(mariaUrl(""), mariaUser(), mariaPassword()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
