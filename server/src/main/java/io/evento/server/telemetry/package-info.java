/** Handler telemetry: invocations, failures and service times per handler and minute, and who sends what, cluster-wide. */
package io.evento.server.telemetry;
