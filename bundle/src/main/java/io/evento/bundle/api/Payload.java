package io.evento.bundle.api;

/** Anything that travels on the bus; its type name is the class's simple name. */
public interface Payload {
}
