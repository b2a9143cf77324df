/**
 * The server's metrics on Micrometer with a Prometheus registry (every target server can serve
 * them; ADR 0014): requests by kind and outcome with latency histograms, requests and invocations
 * in flight, connections, event-store appends and batches, consumer lag.
 */
package io.evento.server.metrics;
