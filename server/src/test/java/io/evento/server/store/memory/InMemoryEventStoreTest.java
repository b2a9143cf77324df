package io.evento.server.store.memory;

import io.evento.server.store.EventStore;
import io.evento.server.store.EventStoreContract;

/** The event store contract against the in-memory implementation. */
class InMemoryEventStoreTest extends EventStoreContract {

    @Override
    protected EventStore newStore() {
        return new InMemoryEventStore();
    }
}
