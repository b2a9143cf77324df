package io.evento.bundle.state.memory;

import io.evento.bundle.state.ConsumerStateStore;
import io.evento.bundle.state.ConsumerTransaction;
import io.evento.bundle.state.DeadEvent;
import io.evento.bundle.state.Lease;
import io.evento.bundle.state.LeaseLostException;
import io.evento.bundle.state.SagaInstance;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consumer state store in memory, for tests and single-process bundles: one lock; a
 * transaction works on a copy that replaces the state only when the work succeeds.
 */
public final class InMemoryConsumerStateStore implements ConsumerStateStore {

    private final Clock clock;
    private State state = new State();

    public InMemoryConsumerStateStore() {
        this(Clock.systemUTC());
    }

    public InMemoryConsumerStateStore(Clock clock) {
        this.clock = clock;
    }

    private static final class Row {
        String position;
        String owner;
        long epoch;
        Instant until = Instant.EPOCH;

        Row copy() {
            Row row = new Row();
            row.position = position;
            row.owner = owner;
            row.epoch = epoch;
            row.until = until;
            return row;
        }
    }

    private static final class State {
        final Map<String, Row> consumers = new HashMap<>();
        final Map<String, SagaInstance> sagas = new HashMap<>();
        final Map<String, DeadEvent> dead = new LinkedHashMap<>();

        State copy() {
            State copy = new State();
            consumers.forEach((k, v) -> copy.consumers.put(k, v.copy()));
            copy.sagas.putAll(sagas);
            copy.dead.putAll(dead);
            return copy;
        }
    }

    @Override
    public synchronized Optional<Lease> acquire(String consumerId, String owner, Duration ttl) {
        Row row = state.consumers.computeIfAbsent(consumerId, id -> new Row());
        Instant now = clock.instant();
        if (row.owner != null && !row.owner.equals(owner) && row.until.isAfter(now)) {
            return Optional.empty();
        }
        if (!owner.equals(row.owner) || !row.until.isAfter(now)) {
            row.epoch++;
        }
        row.owner = owner;
        row.until = now.plus(ttl);
        return Optional.of(new Lease(consumerId, owner, row.epoch));
    }

    @Override
    public synchronized boolean renew(Lease lease, Duration ttl) {
        Row row = state.consumers.get(lease.consumerId());
        if (row == null || !lease.owner().equals(row.owner) || row.epoch != lease.epoch()) {
            return false;
        }
        row.until = clock.instant().plus(ttl);
        return true;
    }

    @Override
    public synchronized void release(Lease lease) {
        Row row = state.consumers.get(lease.consumerId());
        if (row != null && lease.owner().equals(row.owner) && row.epoch == lease.epoch()) {
            row.owner = null;
            row.until = Instant.EPOCH;
        }
    }

    @Override
    public synchronized Optional<String> position(String consumerId) {
        Row row = state.consumers.get(consumerId);
        return Optional.ofNullable(row == null ? null : row.position);
    }

    @Override
    public synchronized <T> T inTransaction(Lease lease, Work<T> work) {
        State staged = state.copy();
        try {
            T result = work.run(new Transaction(staged, lease));
            state = staged;
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new EventoException(ErrorCode.HANDLER_FAILED, String.valueOf(e.getMessage()), e);
        }
    }

    @Override
    public synchronized List<DeadEvent> deadEvents(String consumerId) {
        List<DeadEvent> list = new ArrayList<>(state.dead.values().stream().filter(d -> d.consumerId().equals(consumerId)).toList());
        list.sort(Comparator.comparing(DeadEvent::deadAt));
        return list;
    }

    @Override
    public synchronized boolean flagForRetry(String consumerId, String eventId) {
        DeadEvent event = state.dead.get(consumerId + "\u0000" + eventId);
        if (event == null) {
            return false;
        }
        state.dead.put(consumerId + "\u0000" + eventId, new DeadEvent(event.consumerId(), event.eventId(), event.position(),
                event.eventType(), event.eventJson(), event.error(), event.attempts(), true, event.deadAt()));
        return true;
    }

    @Override
    public synchronized boolean discard(String consumerId, String eventId) {
        return state.dead.remove(consumerId + "\u0000" + eventId) != null;
    }

    @Override
    public synchronized void resetPosition(String consumerId, String position) {
        Row row = state.consumers.computeIfAbsent(consumerId, id -> new Row());
        row.position = position;
        row.epoch++;
    }

    private final class Transaction implements ConsumerTransaction {
        private final State staged;
        private final Lease lease;

        Transaction(State staged, Lease lease) {
            this.staged = staged;
            this.lease = lease;
        }

        @Override
        public Connection connection() {
            return null;
        }

        @Override
        public void savePosition(String position) {
            Row row = staged.consumers.get(lease.consumerId());
            if (row == null || !lease.owner().equals(row.owner) || row.epoch != lease.epoch()) {
                throw new LeaseLostException(lease);
            }
            row.position = position;
        }

        @Override
        public Optional<SagaInstance> findSaga(String sagaName, String property, String value) {
            String prefix = lease.consumerId() + "\u0000" + sagaName + "\u0000";
            return staged.sagas.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .map(Map.Entry::getValue).filter(s -> value != null && value.equals(s.associations().get(property))).findFirst();
        }

        @Override
        public void saveSaga(String sagaName, SagaInstance instance) {
            staged.sagas.put(lease.consumerId() + "\u0000" + sagaName + "\u0000" + instance.sagaId(), instance);
        }

        @Override
        public void deleteSaga(String sagaName, String sagaId) {
            staged.sagas.remove(lease.consumerId() + "\u0000" + sagaName + "\u0000" + sagaId);
        }

        @Override
        public void addDeadEvent(DeadEvent event) {
            staged.dead.put(event.consumerId() + "\u0000" + event.eventId(), event);
        }

        @Override
        public void removeDeadEvent(String eventId) {
            staged.dead.remove(lease.consumerId() + "\u0000" + eventId);
        }
    }
}
