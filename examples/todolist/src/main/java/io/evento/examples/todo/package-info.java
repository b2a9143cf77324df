/** The TodoList tutorial application: lists (the todo bundle), users and quotas, audit (the users bundle), a REST API. */
package io.evento.examples.todo;
