package io.evento.server.testing;

import io.evento.payara.database.ThrowawayDatabase;
import io.evento.server.database.SchemaMigration;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throw-away PostgreSQL database on the test server ({@code EVENTO_TEST_JDBC_URL}) for one test
 * class, with as many independent datasources as the test wants (one per simulated instance).
 */
public final class TestDatabase implements AutoCloseable {

    private final ThrowawayDatabase database;

    private TestDatabase(ThrowawayDatabase database) {
        this.database = database;
    }

    /** An empty database. */
    public static TestDatabase empty() {
        return new TestDatabase(ThrowawayDatabase.create("evento_test"));
    }

    /** A database migrated to the current schema. */
    public static TestDatabase migrated() {
        TestDatabase database = empty();
        try {
            new SchemaMigration(database.newDataSource()).migrate();
        } catch (SQLException e) {
            database.close();
            throw new IllegalStateException(e);
        }
        return database;
    }

    /** A new, unpooled datasource: every connection is a new session, as from another pool. */
    public DataSource newDataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(ThrowawayDatabase.user());
        dataSource.setPassword(ThrowawayDatabase.password());
        dataSource.setApplicationName("evento-test");
        return dataSource;
    }

    /** A pooled datasource (its own pool: a second one behaves like another server instance). */
    public com.zaxxer.hikari.HikariDataSource newPool(int size) {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(ThrowawayDatabase.user());
        config.setPassword(ThrowawayDatabase.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        return new com.zaxxer.hikari.HikariDataSource(config);
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** A single long value from a query. */
    public long queryLong(String sql) {
        try (Connection connection = newDataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs a statement. */
    public void execute(String sql) {
        try (Connection connection = newDataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
