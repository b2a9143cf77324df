package io.evento.bundle.api;

import java.util.Map;

/**
 * String key/value pairs travelling with a message (user, correlation, ...).
 *
 * @param values the pairs
 */
public record Metadata(Map<String, String> values) {

    public static final Metadata EMPTY = new Metadata(Map.of());

    public Metadata {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static Metadata of(String key, String value) {
        return new Metadata(Map.of(key, value));
    }

    public String get(String key) {
        return values.get(key);
    }

    public Metadata with(String key, String value) {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(values);
        copy.put(key, value);
        return new Metadata(copy);
    }
}
