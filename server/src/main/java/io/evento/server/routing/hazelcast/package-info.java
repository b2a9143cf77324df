/** The routing table in a Hazelcast replicated map. */
package io.evento.server.routing.hazelcast;
