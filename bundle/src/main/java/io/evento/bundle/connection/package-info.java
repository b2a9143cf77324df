/** The bundle's WebSocket connection to the servers: handshake, heartbeats, failover across the server list, requests by correlation id. */
package io.evento.bundle.connection;
