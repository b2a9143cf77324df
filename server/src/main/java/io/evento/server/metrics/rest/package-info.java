/** The Prometheus scrape endpoint, {@code GET /api/metrics}. */
package io.evento.server.metrics.rest;
