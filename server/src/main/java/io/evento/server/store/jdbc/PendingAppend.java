package io.evento.server.store.jdbc;

import io.evento.server.store.AppendRequest;
import io.evento.server.store.AppendResult;
import io.evento.server.store.NewEvent;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One caller's atomic append waiting in the group-commit queue.
 *
 * @param requests the requests, all or none
 * @param events   number of events
 * @param bytes    approximate size of payloads, metadata and snapshots
 * @param result   completed after the commit, or exceptionally
 */
record PendingAppend(List<AppendRequest> requests, int events, long bytes, CompletableFuture<List<AppendResult>> result) {

    /** Not an append: the writer proves it can write (readiness). */
    static PendingAppend probe() {
        return new PendingAppend(List.of(), 0, 0, new CompletableFuture<>());
    }

    boolean isProbe() {
        return requests.isEmpty();
    }

    static PendingAppend of(List<AppendRequest> requests) {
        int events = 0;
        long bytes = 0;
        for (AppendRequest request : requests) {
            events += request.events().size();
            for (NewEvent event : request.events()) {
                bytes += event.payload().length() + (event.metadata() == null ? 2 : event.metadata().length()) + 64;
            }
            bytes += request.snapshot().map(s -> (long) s.state().length()).orElse(0L);
        }
        return new PendingAppend(List.copyOf(requests), events, bytes, new CompletableFuture<>());
    }
}
