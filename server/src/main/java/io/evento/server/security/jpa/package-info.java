/** The admin session key's table as a JPA entity and the store on it. */
package io.evento.server.security.jpa;
