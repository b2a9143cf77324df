/** The entity the JPA append benchmark persists: a row of the event table, as a JPA event store would write it. */
package io.evento.bench.jpa;
