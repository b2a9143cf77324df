package io.evento.bundle.state;

import io.evento.bundle.state.memory.InMemoryConsumerStateStore;

/** The contract against the in-memory store. */
class InMemoryConsumerStateStoreTest extends ConsumerStateStoreContract {

    @Override
    protected ConsumerStateStore newStore() {
        return new InMemoryConsumerStateStore();
    }
}
