/** {@code /api/graph} and {@code /api/flows}. */
package io.evento.server.flow.rest;
