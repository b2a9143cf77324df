/** Tests of the ways the server is deployed: Arquillian on Payara Micro and the deploy script. */
package io.evento.server.deployment;
