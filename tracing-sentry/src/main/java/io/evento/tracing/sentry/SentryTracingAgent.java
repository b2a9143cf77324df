package io.evento.tracing.sentry;

import io.evento.bundle.api.Metadata;
import io.evento.bundle.tracing.CorrelationTracingAgent;
import io.evento.bundle.tracing.HandledMessage;
import io.evento.bundle.tracing.TracingAgent;
import io.evento.protocol.frame.ComponentKind;
import io.sentry.BaggageHeader;
import io.sentry.IScopes;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SentryTraceHeader;
import io.sentry.SpanStatus;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link TracingAgent} on the Sentry Java SDK, as Evento's documentation describes it: a handled
 * message that carries a Sentry trace ({@code sentry-trace}, {@code baggage} in its metadata) runs
 * in a transaction that continues it; a trace starts only at {@code @Track} entry points (invoker
 * methods); other messages run without one. A transaction is named after the component and the
 * message type, its operation is {@code evento.<kind>}, and it is tagged with the bundle, its
 * version, the component, the payload type and the aggregate id. What a handler sends carries the
 * trace on. An exception a handler throws is captured, with the same tags, and marks the
 * transaction {@code internal_error}. Sentry itself is initialised by the application
 * ({@code Sentry.init}, DSN, sample rate).
 */
public final class SentryTracingAgent implements TracingAgent {

    static final String TRACE = SentryTraceHeader.SENTRY_TRACE_HEADER;
    static final String BAGGAGE = BaggageHeader.BAGGAGE_HEADER;

    private final String bundleVersion;
    private final CorrelationTracingAgent correlation = new CorrelationTracingAgent();

    /** @param bundleVersion the bundle's version, for the {@code evento.bundle.version} tag */
    public SentryTracingAgent(long bundleVersion) {
        this.bundleVersion = Long.toString(bundleVersion);
    }

    @Override
    public <T> T track(HandledMessage message, Execution<T> execution) throws Exception {
        String trace = message.metadata().get(TRACE);
        if (trace == null && message.kind() != ComponentKind.INVOKER) {
            return captured(message, execution);
        }
        IScopes scopes = Sentry.forkedScopes("evento");
        try (ISentryLifecycleToken ignored = scopes.makeCurrent()) {
            TransactionContext context = trace == null ? null : scopes.continueTrace(trace, baggage(message.metadata()));
            String name = message.component() + " " + message.payloadType();
            String operation = "evento." + message.kind().name().toLowerCase(Locale.ROOT);
            if (context == null) {
                context = new TransactionContext(name, operation);
            } else {
                context.setName(name);
                context.setOperation(operation);
            }
            TransactionOptions options = new TransactionOptions();
            options.setBindToScope(true);
            ITransaction transaction = scopes.startTransaction(context, options);
            tags(message).forEach(transaction::setTag);
            try {
                T result = execution.run();
                transaction.finish(SpanStatus.OK);
                return result;
            } catch (Exception | Error e) {
                transaction.setThrowable(e);
                transaction.finish(SpanStatus.INTERNAL_ERROR);
                capture(message, e);
                throw e;
            }
        }
    }

    private <T> T captured(HandledMessage message, Execution<T> execution) throws Exception {
        try {
            return execution.run();
        } catch (Exception | Error e) {
            capture(message, e);
            throw e;
        }
    }

    private void capture(HandledMessage message, Throwable failure) {
        Sentry.captureException(failure, scope -> tags(message).forEach(scope::setTag));
    }

    private Map<String, String> tags(HandledMessage message) {
        Map<String, String> tags = new HashMap<>();
        tags.put("evento.bundle", String.valueOf(message.bundleId()));
        tags.put("evento.bundle.version", bundleVersion);
        tags.put("evento.component", message.component());
        tags.put("evento.payload", message.payloadType());
        if (message.aggregateId() != null) {
            tags.put("evento.aggregate.id", message.aggregateId());
        }
        return tags;
    }

    private static List<String> baggage(Metadata metadata) {
        String baggage = metadata.get(BAGGAGE);
        return baggage == null ? null : List.of(baggage);
    }

    @Override
    public Metadata sending(Metadata outgoing, HandledMessage handling) {
        return withTrace(correlation.sending(outgoing, handling));
    }

    @Override
    public Metadata producing(HandledMessage handled) {
        return withTrace(correlation.producing(handled));
    }

    /** The metadata with the current transaction's trace (while a handler runs in one). */
    private static Metadata withTrace(Metadata metadata) {
        if (Sentry.getSpan() == null) {
            return metadata;
        }
        Map<String, String> values = new HashMap<>(metadata.values());
        SentryTraceHeader trace = Sentry.getTraceparent();
        BaggageHeader baggage = Sentry.getBaggage();
        if (trace != null) {
            values.put(TRACE, trace.getValue());
        }
        if (baggage != null) {
            values.put(BAGGAGE, baggage.getValue());
        }
        return new Metadata(values);
    }
}
