package io.evento.bundle.model;

/** Facts about query classes. */
public final class Queries {

    private Queries() {
    }

    /** The view type {@code V} of a class implementing {@code Query<V>}, or null. */
    public static Class<?> viewOf(Class<?> query) {
        return ComponentModel.viewOf(query);
    }
}
