/**
 * The System State Store's tables as read-only JPA entities and the state store browser's queries on
 * them (the append and the consumers' reads stay on JDBC with group commit: ADR 0013).
 */
package io.evento.server.store.jpa;
