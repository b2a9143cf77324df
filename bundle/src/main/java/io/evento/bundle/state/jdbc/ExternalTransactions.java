package io.evento.bundle.state.jdbc;

import java.util.concurrent.Callable;

/**
 * Transactions the consumer state store does not run itself, such as a container's JTA
 * transactions: the store's work (the handler and the fenced position write) runs inside {@link
 * #inTransaction}, on connections the datasource enlists in that transaction, so whatever else the
 * handler writes through the same transaction (JPA entities of a read model) commits or rolls back
 * with the position.
 */
@FunctionalInterface
public interface ExternalTransactions {

    /** Runs the work in a new transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Callable<T> work) throws Exception;
}
