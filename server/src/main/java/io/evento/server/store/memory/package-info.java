/** The in-memory event store: one process, one lock, dense positions. */
package io.evento.server.store.memory;
