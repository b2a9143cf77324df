package io.evento.server.cluster;

import io.evento.server.config.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP URL other instances and tools reach this one at: {@code evento.server.url} when set
 * (the launchers always set it), otherwise learned from the first API request this instance serves.
 */
@ApplicationScoped
public class PublicUrl {

    private final AtomicReference<String> url = new AtomicReference<>();
    private final AtomicReference<Runnable> onLearned = new AtomicReference<>(() -> { });

    protected PublicUrl() {
        // for the CDI client proxy
    }

    @Inject
    public PublicUrl(ServerSettings settings) {
        settings.publicUrl().ifPresent(url::set);
    }

    public Optional<String> get() {
        return Optional.ofNullable(url.get());
    }

    /** Records the URL seen on a request, if none is known yet. */
    public void learn(String seen) {
        String trimmed = seen.endsWith("/") ? seen.substring(0, seen.length() - 1) : seen;
        if (url.compareAndSet(null, trimmed)) {
            onLearned.get().run();
        }
    }

    /** Runs the action when the URL is learned later (to publish it to the cluster). */
    public void whenLearned(Runnable action) {
        onLearned.set(action);
    }
}
