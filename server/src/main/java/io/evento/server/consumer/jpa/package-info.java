/** The consumer reports' table as a JPA entity and the store on it. */
package io.evento.server.consumer.jpa;
