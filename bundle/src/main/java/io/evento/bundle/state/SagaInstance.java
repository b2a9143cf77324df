package io.evento.bundle.state;

import java.util.Map;

/**
 * One saga instance as stored.
 *
 * @param sagaId       its id
 * @param state        its state as JSON
 * @param associations its association values (property → value)
 */
public record SagaInstance(String sagaId, String state, Map<String, String> associations) {

    public SagaInstance {
        associations = Map.copyOf(associations);
    }
}
