/**
 * Published bundles: every version of a bundle's artifact and description that {@code evento
 * publish} uploaded, with how the server may run it (deployable, autorun, instances, environment,
 * JVM options), kept in PostgreSQL so every server instance serves them.
 */
package io.evento.server.publishing;
