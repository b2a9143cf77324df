/** Per-minute telemetry rows in PostgreSQL: each server instance writes its own, every instance reads all. */
package io.evento.server.telemetry.jdbc;
