/**
 * In a CDI application (a bundle WAR): the OpenTelemetry agent on the runtime's MicroProfile
 * Telemetry {@code OpenTelemetry}, so packaging the module is all a WAR does to be traced.
 */
package io.evento.tracing.opentelemetry.cdi;
