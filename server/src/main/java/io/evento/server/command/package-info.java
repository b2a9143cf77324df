/**
 * Executing a request on the server instance that holds the target bundle connection: a domain
 * command (story, handler, append, re-runs on conflict), a service command (handler, append) or a
 * query (handler), behind one port, {@link io.evento.server.command.CommandExecutor}, with a local
 * and a cluster implementation.
 */
package io.evento.server.command;
