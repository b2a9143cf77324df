/** Todo lists: commands, events, the aggregate with its rules, the PostgreSQL read model, its projector and projection. */
package io.evento.examples.todo.lists;
