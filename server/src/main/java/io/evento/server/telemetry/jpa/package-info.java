/** The per-minute telemetry tables as JPA entities and the store on them. */
package io.evento.server.telemetry.jpa;
