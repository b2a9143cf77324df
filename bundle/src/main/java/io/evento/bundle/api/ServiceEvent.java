package io.evento.bundle.api;

/** An event a service produced. */
public interface ServiceEvent extends Event {
}
