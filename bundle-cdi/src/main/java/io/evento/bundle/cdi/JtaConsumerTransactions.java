package io.evento.bundle.cdi;

import io.evento.bundle.state.jdbc.ExternalTransactions;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

import java.util.concurrent.Callable;

/**
 * Consumer transactions as JTA transactions of the container: a projector's handler and its
 * position write run in one, so JPA entities it changes through a container-managed
 * {@code EntityManager} on the same datasource commit with the position, or not at all.
 */
final class JtaConsumerTransactions implements ExternalTransactions {

    private final UserTransaction transaction;

    JtaConsumerTransactions(UserTransaction transaction) {
        this.transaction = transaction;
    }

    @Override
    public <T> T inTransaction(Callable<T> work) throws Exception {
        transaction.begin();
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            rollback();
            throw e;
        }
        if (transaction.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
            rollback();
            throw new IllegalStateException("the consumer's transaction was marked for rollback");
        }
        transaction.commit();
        return result;
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            // the failure that led here is the one to report
        }
    }
}
