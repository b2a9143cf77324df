/** Cluster status: each server instance publishes its readiness, connections and requests in flight; the API joins them with the members and bundles. */
package io.evento.server.status;
