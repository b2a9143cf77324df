/** Server settings from MicroProfile Config, with Evento's key names. */
package io.evento.server.config;
