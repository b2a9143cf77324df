/** {@code GET /api/status}: every server instance, its health, load and bundle connections. */
package io.evento.server.status.rest;
