/** The session signing key, made once and shared by every server instance through PostgreSQL. */
package io.evento.server.security.jdbc;
