/** The tables of published bundles: one row per version, its artifact in a table of its own so lists never read it. */
package io.evento.server.publishing.jpa;
