/** The one-member cluster used when no Hazelcast is available. */
package io.evento.server.cluster.standalone;
