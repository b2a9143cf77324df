/** The JAX-RS application under {@code /api} and its problem+json error mapping. */
package io.evento.server.admin.rest;
