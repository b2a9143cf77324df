/** The server instances' status table as a JPA entity and the store on it. */
package io.evento.server.status.jpa;
