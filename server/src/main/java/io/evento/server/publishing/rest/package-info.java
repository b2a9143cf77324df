/** {@code /api/published-bundles}: publish (publish role), list, describe, download, configure and delete bundle versions. */
package io.evento.server.publishing.rest;
