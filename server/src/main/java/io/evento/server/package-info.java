/** The Evento Server: routes commands, queries and events between bundles and keeps the System State Store. */
package io.evento.server;
