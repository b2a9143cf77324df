/** The server's PostgreSQL database: datasource lookup, Flyway schema migration, readiness of the database. */
package io.evento.server.database;
