/**
 * The server WAR on Jakarta EE servers other than Payara Micro (WildFly, Payara Server): launchers
 * that start each bound to loopback, and one contract every server must pass.
 */
package io.evento.servers;
