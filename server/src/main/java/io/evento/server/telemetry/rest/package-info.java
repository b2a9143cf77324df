/** {@code /api/telemetry}: per-handler statistics over a time window and per-minute series. */
package io.evento.server.telemetry.rest;
