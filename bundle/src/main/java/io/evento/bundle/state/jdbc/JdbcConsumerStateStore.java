package io.evento.bundle.state.jdbc;

import io.evento.bundle.state.ConsumerStateStore;
import io.evento.bundle.state.ConsumerTransaction;
import io.evento.bundle.state.DeadEvent;
import io.evento.bundle.state.Lease;
import io.evento.bundle.state.LeaseLostException;
import io.evento.bundle.state.SagaInstance;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The consumer state store in a relational database: PostgreSQL or MySQL/MariaDB (detected from
 * the connection). Its tables are created by Flyway migrations of this library (history table
 * {@code evento_bundle_schema_history}). Put it in the database of your read models and let
 * projector handlers take the transaction's {@link java.sql.Connection}: read model and position
 * then commit together (exactly-once effect).
 */
public final class JdbcConsumerStateStore implements ConsumerStateStore {

    private final DataSource dataSource;
    private final ConsumerStoreSql sql;
    private final ExternalTransactions external;

    public JdbcConsumerStateStore(DataSource dataSource) {
        this(dataSource, null);
    }

    /**
     * A store whose consumer transactions are the given ones (a container's JTA transactions on its
     * datasource): the store then never begins, commits or rolls back a connection itself.
     */
    public JdbcConsumerStateStore(DataSource dataSource, ExternalTransactions external) {
        this.dataSource = dataSource;
        this.external = external;
        this.sql = dialect(dataSource);
        Flyway.configure(JdbcConsumerStateStore.class.getClassLoader()).dataSource(dataSource)
                .locations(sql.migrations()).table("evento_bundle_schema_history").baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
    }

    private static ConsumerStoreSql dialect(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return new ConsumerStoreSql.Postgres();
            }
            if (product.contains("mysql") || product.contains("mariadb")) {
                return new ConsumerStoreSql.Mysql();
            }
            throw new EventoException(ErrorCode.INVALID_REQUEST, "unsupported database for the consumer state store: " + product);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<Lease> acquire(String consumerId, String owner, Duration ttl) {
        return inAutoCommit(c -> {
            update(c, sql.insertConsumerIfMissing(), consumerId);
            int taken = update(c, sql.acquire(), owner, owner, ttl.toMillis(), consumerId, owner);
            if (taken == 0) {
                return Optional.empty();
            }
            try (PreparedStatement statement = c.prepareStatement(ConsumerStoreSql.SELECT_LEASE)) {
                statement.setString(1, consumerId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return owner.equals(rows.getString(1)) ? Optional.of(new Lease(consumerId, owner, rows.getLong(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean renew(Lease lease, Duration ttl) {
        return inAutoCommit(c -> update(c, sql.renew(), ttl.toMillis(), lease.consumerId(), lease.owner(), lease.epoch()) == 1);
    }

    @Override
    public void release(Lease lease) {
        inAutoCommit(c -> update(c, ConsumerStoreSql.RELEASE, lease.consumerId(), lease.owner(), lease.epoch()));
    }

    @Override
    public Optional<String> position(String consumerId) {
        return inAutoCommit(c -> {
            try (PreparedStatement statement = c.prepareStatement(ConsumerStoreSql.SELECT_POSITION)) {
                statement.setString(1, consumerId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public <T> T inTransaction(Lease lease, Work<T> work) {
        if (external != null) {
            return inExternalTransaction(lease, work);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(new Transaction(c, lease));
                c.commit();
                return result;
            } catch (Exception e) {
                c.rollback();
                if (e instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new EventoException(ErrorCode.HANDLER_FAILED, String.valueOf(e.getMessage()), e);
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private <T> T inExternalTransaction(Lease lease, Work<T> work) {
        try {
            return external.inTransaction(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return work.run(new Transaction(c, lease));
                }
            });
        } catch (SQLException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            SQLException sqlFailure = findSql(e);
            if (sqlFailure != null) {
                throw failure(sqlFailure);
            }
            throw new EventoException(ErrorCode.HANDLER_FAILED, String.valueOf(e.getMessage()), e);
        }
    }

    private static SQLException findSql(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sqlException) {
                return sqlException;
            }
        }
        return null;
    }

    @Override
    public List<DeadEvent> deadEvents(String consumerId) {
        return inAutoCommit(c -> {
            List<DeadEvent> events = new ArrayList<>();
            try (PreparedStatement statement = c.prepareStatement(ConsumerStoreSql.SELECT_DEAD_EVENTS)) {
                statement.setString(1, consumerId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        events.add(new DeadEvent(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getInt(7), rows.getBoolean(8), rows.getTimestamp(9).toInstant()));
                    }
                }
            }
            return events;
        });
    }

    @Override
    public boolean flagForRetry(String consumerId, String eventId) {
        return inAutoCommit(c -> update(c, ConsumerStoreSql.FLAG_DEAD_EVENT, consumerId, eventId) == 1);
    }

    @Override
    public boolean discard(String consumerId, String eventId) {
        return inAutoCommit(c -> update(c, ConsumerStoreSql.DELETE_DEAD_EVENT, consumerId, eventId) == 1);
    }

    @Override
    public void resetPosition(String consumerId, String position) {
        inAutoCommit(c -> update(c, sql.upsertPosition(), consumerId, position));
    }

    private final class Transaction implements ConsumerTransaction {
        private final Connection connection;
        private final Lease lease;

        Transaction(Connection connection, Lease lease) {
            this.connection = connection;
            this.lease = lease;
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public void savePosition(String position) {
            if (run(() -> update(connection, ConsumerStoreSql.SAVE_POSITION, position, lease.consumerId(), lease.owner(), lease.epoch())) != 1) {
                throw new LeaseLostException(lease);
            }
        }

        @Override
        public Optional<SagaInstance> findSaga(String sagaName, String property, String value) {
            return run(() -> {
                String sagaId;
                String state;
                try (PreparedStatement statement = connection.prepareStatement(ConsumerStoreSql.FIND_SAGA)) {
                    bind(statement, lease.consumerId(), sagaName, property, value);
                    try (ResultSet rows = statement.executeQuery()) {
                        if (!rows.next()) {
                            return Optional.empty();
                        }
                        sagaId = rows.getString(1);
                        state = rows.getString(2);
                    }
                }
                Map<String, String> associations = new HashMap<>();
                try (PreparedStatement statement = connection.prepareStatement(ConsumerStoreSql.SAGA_ASSOCIATIONS)) {
                    bind(statement, lease.consumerId(), sagaName, sagaId);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            associations.put(rows.getString(1), rows.getString(2));
                        }
                    }
                }
                return Optional.of(new SagaInstance(sagaId, state, associations));
            });
        }

        @Override
        public void saveSaga(String sagaName, SagaInstance instance) {
            run(() -> {
                update(connection, sql.upsertSaga(), lease.consumerId(), sagaName, instance.sagaId(), instance.state());
                update(connection, ConsumerStoreSql.DELETE_ASSOCIATIONS, lease.consumerId(), sagaName, instance.sagaId());
                for (Map.Entry<String, String> association : instance.associations().entrySet()) {
                    update(connection, sql.upsertAssociation(), lease.consumerId(), sagaName, association.getKey(), association.getValue(),
                            instance.sagaId());
                }
                return null;
            });
        }

        @Override
        public void deleteSaga(String sagaName, String sagaId) {
            run(() -> {
                update(connection, ConsumerStoreSql.DELETE_ASSOCIATIONS, lease.consumerId(), sagaName, sagaId);
                update(connection, ConsumerStoreSql.DELETE_SAGA, lease.consumerId(), sagaName, sagaId);
                return null;
            });
        }

        @Override
        public void addDeadEvent(DeadEvent event) {
            run(() -> update(connection, sql.upsertDeadEvent(), event.consumerId(), event.eventId(), event.position(), event.eventType(),
                    event.eventJson(), event.error(), event.attempts()));
        }

        @Override
        public void removeDeadEvent(String eventId) {
            run(() -> update(connection, ConsumerStoreSql.DELETE_DEAD_EVENT, lease.consumerId(), eventId));
        }
    }

    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private interface SqlStep<T> {
        T run() throws SQLException;
    }

    private static <T> T run(SqlStep<T> step) {
        try {
            return step.run();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private <T> T inAutoCommit(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static int update(Connection c, String statementText, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(statementText)) {
            bind(statement, values);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    private static EventoException failure(SQLException e) {
        return new EventoException(ErrorCode.DATABASE_UNAVAILABLE, "consumer state store: " + e.getMessage(), e);
    }
}
