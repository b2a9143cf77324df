/** The users bundle of the TodoList tutorial as a Jakarta EE application: its datasource. */
package io.evento.examples.todo;
