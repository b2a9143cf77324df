/** The status rows server instances publish in PostgreSQL. */
package io.evento.server.status.jdbc;
