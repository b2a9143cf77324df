/** The server cluster: its members and their HTTP URLs, from Payara's Hazelcast or standalone. */
package io.evento.server.cluster;
