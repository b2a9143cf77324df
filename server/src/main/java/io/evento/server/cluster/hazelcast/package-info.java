/** Cluster membership through Payara's built-in Hazelcast. */
package io.evento.server.cluster.hazelcast;
