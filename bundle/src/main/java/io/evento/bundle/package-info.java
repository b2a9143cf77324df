/** Evento bundles: build one with {@link io.evento.bundle.EventoBundle#builder()}, connect it to the servers, use its gateways. */
package io.evento.bundle;
