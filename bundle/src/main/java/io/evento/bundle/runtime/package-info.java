/** The running bundle: gateways over the connection, the dispatcher of invocations, and the consumer engines. */
package io.evento.bundle.runtime;
