package io.evento.bundle.api;

/** An event an aggregate produced. */
public interface DomainEvent extends Event {
}
