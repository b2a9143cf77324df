/**
 * Who handles what, across the cluster: the route directory, target selection (consistent hashing
 * for aggregates and lock ids, round robin for queries), the origin side of every request and the
 * executing side of every invocation.
 */
package io.evento.server.routing;
