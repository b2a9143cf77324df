/** The application graph and the flows through it, with a performance evaluation of each flow from measured telemetry. */
package io.evento.server.flow;
