/** The authentication filter in front of every {@code /api} resource, and the login endpoint of the GUI. */
package io.evento.server.security.rest;
