/** Handler telemetry: invocation counts, failures and service times per handler, and who sends what. */
package io.evento.server.telemetry;
