/**
 * The server's JPA persistence unit, created by the application once the database answers (not
 * deployed by the container: ADR 0011), and the transactions that use it.
 */
package io.evento.server.database.jpa;
