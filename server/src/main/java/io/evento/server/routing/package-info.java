/**
 * Who handles what, across the cluster, and the origin side of every request: the route
 * directory, target selection (consistent hashing for aggregates, lock ids and service commands,
 * round robin for queries), deduplication, deadlines and the in-flight bound. Executing a request
 * is the {@code command} package's job.
 */
package io.evento.server.routing;
