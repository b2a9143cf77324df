/**
 * What application code sees: payload kinds (commands, events, queries, views), metadata, event
 * information, aggregate and saga state, and the command and query gateways.
 */
package io.evento.bundle.api;
