/** The last report of each consumer, in PostgreSQL. */
package io.evento.server.consumer.jdbc;
