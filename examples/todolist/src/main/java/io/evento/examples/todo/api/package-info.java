/** The REST API of the todo bundle: an invoker behind the JDK's HTTP server, JSON in and out. */
package io.evento.examples.todo.api;
