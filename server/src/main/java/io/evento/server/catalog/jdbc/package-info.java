/** Bundle registrations and catalog descriptions in PostgreSQL, shared by every server instance. */
package io.evento.server.catalog.jdbc;
