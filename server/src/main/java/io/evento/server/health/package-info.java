/** MicroProfile Health liveness and readiness of a server instance. */
package io.evento.server.health;
