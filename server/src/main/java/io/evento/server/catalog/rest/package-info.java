/** {@code /api/catalog}: payloads, components and bundles, paged and filtered; descriptions editable by admins. */
package io.evento.server.catalog.rest;
