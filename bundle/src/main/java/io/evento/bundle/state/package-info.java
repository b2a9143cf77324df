/**
 * The consumer state store: consumers' positions and leases, saga states and the dead event
 * queue. Implementations are leaves: {@code memory}, {@code jdbc} (PostgreSQL, MySQL/MariaDB).
 */
package io.evento.bundle.state;
