/** HTTP view of the cluster. */
package io.evento.server.cluster.rest;
