package io.evento.bundle.cdi.app;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the projector saw. */
@ApplicationScoped
public class Seen {

    private final List<String> entries = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, java.util.Set<String>> correlations = new java.util.concurrent.ConcurrentHashMap<>();

    void add(String entry) {
        entries.add(entry);
    }

    void correlated(String counterId, String correlationId) {
        correlations.computeIfAbsent(counterId, id -> new java.util.concurrent.CopyOnWriteArraySet<>()).add(String.valueOf(correlationId));
    }

    /** The distinct correlation ids of a counter's events. */
    public java.util.Set<String> correlations(String counterId) {
        return java.util.Set.copyOf(correlations.getOrDefault(counterId, java.util.Set.of()));
    }

    public List<String> entries() {
        return List.copyOf(entries);
    }
}
