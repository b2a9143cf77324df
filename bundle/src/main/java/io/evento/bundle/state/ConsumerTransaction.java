package io.evento.bundle.state;

import java.sql.Connection;
import java.util.Optional;

/** The writes of one consumer step, atomic, fenced by the consumer's lease. */
public interface ConsumerTransaction {

    /** The JDBC connection of the transaction (null for the in-memory store): projectors writing their read model through it get exactly-once effects. */
    Connection connection();

    /** Moves the consumer's position; fails with {@link LeaseLostException} when the lease changed hands. */
    void savePosition(String position);

    Optional<SagaInstance> findSaga(String sagaName, String property, String value);

    /** Creates or replaces a saga instance and its associations. */
    void saveSaga(String sagaName, SagaInstance instance);

    void deleteSaga(String sagaName, String sagaId);

    void addDeadEvent(DeadEvent event);

    void removeDeadEvent(String eventId);
}
