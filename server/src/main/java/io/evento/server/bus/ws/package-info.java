/** The Jakarta WebSocket endpoint of the bus. */
package io.evento.server.bus.ws;
