/** The loopback recipe for full application servers (a Payara Server domain), beside Payara Micro's. */
package io.evento.payara.server;
