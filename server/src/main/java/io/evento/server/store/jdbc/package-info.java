/** The PostgreSQL event store: group commit, the three ordering modes, all SQL in {@code EventStoreSql}. */
package io.evento.server.store.jdbc;
