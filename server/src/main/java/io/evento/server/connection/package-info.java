/** Bundle connections held by this server instance: the channel, registration, liveness and in-flight bound of each. */
package io.evento.server.connection;
