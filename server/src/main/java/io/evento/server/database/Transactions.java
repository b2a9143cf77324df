package io.evento.server.database;

import jakarta.persistence.EntityManager;

import java.util.function.Consumer;
import java.util.function.Function;

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

    /** Work without a result. */
    default void run(Consumer<EntityManager> work) {
        inTransaction(entityManager -> {
            work.accept(entityManager);
            return null;
        });
    }
}
