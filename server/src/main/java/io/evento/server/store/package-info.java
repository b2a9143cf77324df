/**
 * The System State Store: the event store interface, its records and validation. Implementations
 * are leaves: {@code memory} (tests, single process) and {@code jdbc} (PostgreSQL, the cluster).
 */
package io.evento.server.store;
