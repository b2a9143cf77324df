package io.evento.bundle.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Asks queries of projections. */
public interface QueryGateway {

    /** A query answered with one view. */
    <V extends View> CompletableFuture<V> query(Query<V> query, Metadata metadata, Duration timeout);

    /** A query answered with a list of views. */
    <V extends View> CompletableFuture<List<V>> queryMany(Query<V> query, Metadata metadata, Duration timeout);

    default <V extends View> V queryAndWait(Query<V> query) {
        return Waiting.join(query(query, Metadata.EMPTY, Duration.ZERO));
    }

    default <V extends View> List<V> queryManyAndWait(Query<V> query) {
        return Waiting.join(queryMany(query, Metadata.EMPTY, Duration.ZERO));
    }
}
