package io.evento.server.database.jpa;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.database.DatabaseFailures;
import io.evento.server.database.DatabaseStatus;
import io.evento.server.database.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.function.Function;

/**
 * Container transactions, once Flyway has migrated the schema ({@code NOT_READY} before): the work runs in a JTA transaction ({@link TransactionScope}, {@code
 * @Transactional}), on an entity manager of the unit joined to it. Failures, the commit's included,
 * reach the caller translated (a database that cannot be reached is {@code DATABASE_UNAVAILABLE}).
 */
@ApplicationScoped
public class JtaTransactions implements Transactions {

    private TransactionScope scope;
    private ServerPersistenceUnit unit;
    private DatabaseStatus database;

    protected JtaTransactions() {
        // for the CDI client proxy
    }

    @Inject
    public JtaTransactions(TransactionScope scope, ServerPersistenceUnit unit, DatabaseStatus database) {
        this.scope = scope;
        this.unit = unit;
        this.database = database;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        if (!database.migrated()) {
            throw new EventoException(ErrorCode.NOT_READY, "the database is not ready: " + database.problem().orElse("not migrated yet"));
        }
        try {
            return scope.call(() -> {
                EntityManager entityManager = unit.createEntityManager();
                try {
                    entityManager.joinTransaction();
                    T result = work.apply(entityManager);
                    entityManager.flush();
                    return result;
                } finally {
                    // the persistence context lives on until the transaction ends (Jakarta Persistence 7.7)
                    entityManager.close();
                }
            });
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, "the database cannot be read or written");
        }
    }
}
