package io.evento.server.database.jpa;

import io.evento.server.database.DatabaseFailures;
import io.evento.server.database.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;

import java.util.function.Function;

/** Transactions of the provider itself on a {@link ServerPersistenceUnit#resourceLocal} unit (outside a container). */
public final class ResourceLocalTransactions implements Transactions {

    private final ServerPersistenceUnit unit;

    public ResourceLocalTransactions(ServerPersistenceUnit unit) {
        this.unit = unit;
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        try (EntityManager entityManager = unit.createEntityManager()) {
            EntityTransaction transaction = entityManager.getTransaction();
            transaction.begin();
            try {
                T result = work.apply(entityManager);
                transaction.commit();
                return result;
            } finally {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
            }
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e, "the database cannot be read or written");
        }
    }
}
