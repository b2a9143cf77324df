/** The routing table of a one-member cluster, in memory. */
package io.evento.server.routing.local;
