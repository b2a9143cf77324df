package io.evento.bundle.api;

/** What a query answers. */
public interface View extends Payload {
}
