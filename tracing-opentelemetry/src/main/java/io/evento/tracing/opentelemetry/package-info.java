/** The bundle library's tracing agent on OpenTelemetry: spans per handled message, W3C trace context in metadata. */
package io.evento.tracing.opentelemetry;
