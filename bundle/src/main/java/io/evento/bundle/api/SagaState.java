package io.evento.bundle.api;

/**
 * The state of one saga instance. A saga instance is found by the value of its handlers'
 * association property in an event; it is removed when its state says {@link #ended()}.
 */
public interface SagaState {

    default boolean ended() {
        return false;
    }

    /**
     * Further association values of this instance (property name → value), in addition to those of
     * the events it handled; e.g. a saga started by a user's event that also follows a list.
     */
    default java.util.Map<String, String> associations() {
        return java.util.Map.of();
    }
}
