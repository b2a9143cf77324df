package io.evento.server.database;

import jakarta.persistence.EntityManager;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work on an {@link EntityManager} of the server's persistence unit inside one transaction:
 * committed when the work returns, rolled back when it throws. Implementations: {@code
 * jpa.JtaTransactions} in the container (a JTA transaction, {@code @Transactional}), {@code
 * jpa.ResourceLocalTransactions} outside it (tests, benchmarks). A database that cannot be reached
 * fails the work with {@code DATABASE_UNAVAILABLE}.
 */
public interface Transactions {

    /** The work's result, after the commit. */
    <T> T inTransaction(Function<EntityManager, T> work);

    /**
     * Writes one row by its key: the stored entity changed by {@code change}, or a new one from
     * {@code create} changed by it and then persisted (a provider may check required columns at
     * {@code persist}, so the entity is complete first).
     */
    static <E> void save(EntityManager entityManager, Class<E> type, Object key, Supplier<E> create, Consumer<E> change) {
        E stored = entityManager.find(type, key);
        E entity = stored == null ? create.get() : stored;
        change.accept(entity);
        if (stored == null) {
            entityManager.persist(entity);
        }
    }

    /** Work without a result. */
    default void run(Consumer<EntityManager> work) {
        inTransaction(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }
}
