/**
 * The message bus: bundle connections over WebSocket, the handshake with token check and
 * registration, heartbeats, and the dispatch of received frames. The endpoint itself is the {@code ws} leaf.
 */
package io.evento.server.bus;
