package io.evento.server.command;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs asynchronous work one at a time per key (an aggregate, a service lock id) on this server
 * instance, without holding a thread while waiting. It avoids needless conflicts; correctness
 * across instances rests on the event store's optimistic check.
 */
final class KeyedLanes {

    private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    <T> CompletableFuture<T> run(String key, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<?> previous = tails.put(key, result);
        CompletableFuture<?> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
        before.handle((ignored, error) -> null).thenCompose(ignored -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                return CompletableFuture.<T>failedFuture(e);
            }
        }).whenComplete((value, error) -> {
            tails.remove(key, result);
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        });
        return result;
    }

    int size() {
        return tails.size();
    }
}
