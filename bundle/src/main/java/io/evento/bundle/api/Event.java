package io.evento.bundle.api;

/** Something that happened: past-tense names ({@code TodoListCreated}). */
public interface Event extends Payload {
}
