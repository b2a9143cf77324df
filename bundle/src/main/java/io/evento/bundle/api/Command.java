package io.evento.bundle.api;

/** A request to change something: imperative names ({@code CreateTodoList}). */
public interface Command extends Payload {
}
