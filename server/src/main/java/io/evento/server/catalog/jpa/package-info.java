/** The catalog's tables as JPA entities (bundle registrations, descriptions) and the store on them. */
package io.evento.server.catalog.jpa;
