package io.evento.server.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Brings the database schema to the version this build needs, with the Flyway migrations in
 * {@code db/migration}. Safe when several instances start at the same moment against one empty
 * database: a PostgreSQL advisory lock serialises them (on top of Flyway's own lock), so the
 * later ones find the migrations applied and do nothing.
 */
public final class SchemaMigration {

    /** Advisory lock key taken for the duration of a migration ("evento" + 1). */
    static final long MIGRATION_LOCK = 0x6576656e746f01L;
    static final String HISTORY_TABLE = "evento_schema_history";

    private static final String LOCK = "SELECT pg_advisory_lock(?)";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(?)";

    private final DataSource dataSource;

    public SchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies the pending migrations.
     *
     * @return how many were applied now and the schema version afterwards
     */
    public Report migrate() throws SQLException {
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            execute(lock, LOCK);
            try {
                MigrateResult result = flyway().migrate();
                return new Report(result.migrationsExecuted, result.targetSchemaVersion == null
                        ? flyway().info().current().getVersion().getVersion() : result.targetSchemaVersion);
            } finally {
                execute(lock, UNLOCK);
            }
        }
    }

    /** Whether every migration of this build is applied. */
    public boolean upToDate() {
        return flyway().info().pending().length == 0;
    }

    private Flyway flyway() {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .validateMigrationNaming(true)
                .load();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, MIGRATION_LOCK);
            statement.execute();
        }
    }

    /**
     * @param applied migrations applied by this call
     * @param version the schema version afterwards
     */
    public record Report(int applied, String version) {
    }
}
