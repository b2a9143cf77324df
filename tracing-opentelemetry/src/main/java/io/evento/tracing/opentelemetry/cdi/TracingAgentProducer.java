package io.evento.tracing.opentelemetry.cdi;

import io.evento.tracing.opentelemetry.OpenTelemetryTracingAgent;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * Makes the bundle's tracing agent an {@link OpenTelemetryTracingAgent} on the {@code OpenTelemetry}
 * bean of MicroProfile Telemetry (Payara 6 and others: enabled by the MicroProfile Config property
 * {@code otel.sdk.disabled=false}, exporting as its {@code otel.*} properties say, OTLP by default),
 * or on the global instance where the runtime has no such bean. With telemetry disabled the spans
 * are no-ops and the correlation and causation ids still travel.
 */
@ApplicationScoped
public class TracingAgentProducer {

    @Produces
    OpenTelemetryTracingAgent agent(Instance<OpenTelemetry> telemetry) {
        return new OpenTelemetryTracingAgent(telemetry.isResolvable() ? telemetry.get() : GlobalOpenTelemetry.get());
    }
}
