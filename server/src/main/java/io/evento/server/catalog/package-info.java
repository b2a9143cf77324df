/** The catalogs of a running system: payloads, components and bundles as bundles registered them, with administrators' descriptions. */
package io.evento.server.catalog;
