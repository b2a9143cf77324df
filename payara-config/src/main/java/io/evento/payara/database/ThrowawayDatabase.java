package io.evento.payara.database;

import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for one test run, dropped on {@link #close()}, on the server
 * {@link io.evento.payara.services.TestServices} chooses ({@code EVENTO_TEST_JDBC_URL}, a
 * Testcontainers PostgreSQL, or the local one at 127.0.0.1:5432).
 */
public final class ThrowawayDatabase implements AutoCloseable {

    private final DatabaseUrl url;
    private final DatabaseSetup setup;

    private ThrowawayDatabase(DatabaseUrl url, DatabaseSetup setup) {
        this.url = url;
        this.setup = setup;
    }

    /** Creates a database named {@code prefix_<random>}. */
    public static ThrowawayDatabase create(String prefix) {
        DatabaseUrl server = DatabaseUrl.parse(testUrl());
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DatabaseUrl url = new DatabaseUrl(server.host(), server.port(), name);
        DatabaseSetup setup = new DatabaseSetup(url, user(), password());
        try {
            setup.ensure(user(), password());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + server.host() + ":" + server.port()
                    + " (is PostgreSQL running? set EVENTO_TEST_JDBC_URL)", e);
        }
        return new ThrowawayDatabase(url, setup);
    }

    /** The JDBC URL of the test server's database ({@link io.evento.payara.services.TestServices#postgres()} decides which server). */
    public static String testUrl() {
        return io.evento.payara.services.TestServices.postgres().jdbcUrl();
    }

    public static String user() {
        return io.evento.payara.services.TestServices.postgres().user();
    }

    public static String password() {
        return io.evento.payara.services.TestServices.postgres().password();
    }

    public String jdbcUrl() {
        return url.jdbcUrl(url.database());
    }

    public String name() {
        return url.database();
    }

    @Override
    public void close() {
        try {
            setup.drop(url.database());
        } catch (SQLException e) {
            System.err.println("could not drop test database " + url.database() + ": " + e.getMessage());
        }
    }

}
