package io.evento.bundle.tracing;

import io.evento.bundle.api.Metadata;

import java.util.UUID;

/**
 * The default agent: every command and query gets a {@code messageId}; every message sent while
 * handling another gets that message's id as {@code causationId} and its {@code correlationId}
 * (the id of the first message of the chain). An event carries its command's metadata with the
 * command's id as cause. So the state store browser shows which request led to each event.
 */
public final class CorrelationTracingAgent implements TracingAgent {

    public static final String MESSAGE_ID = "messageId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    @Override
    public Metadata sending(Metadata outgoing, HandledMessage handling) {
        String messageId = UUID.randomUUID().toString();
        java.util.Map<String, String> values = new java.util.HashMap<>(outgoing.values());
        values.put(MESSAGE_ID, messageId);
        if (handling == null) {
            values.putIfAbsent(CORRELATION_ID, messageId);
        } else {
            values.put(CORRELATION_ID, correlationOf(handling));
            values.put(CAUSATION_ID, handling.messageId());
        }
        return new Metadata(values);
    }

    @Override
    public Metadata producing(HandledMessage handled) {
        java.util.Map<String, String> values = new java.util.HashMap<>(handled.metadata().values());
        values.remove(MESSAGE_ID);
        values.put(CORRELATION_ID, correlationOf(handled));
        values.put(CAUSATION_ID, handled.messageId());
        return new Metadata(values);
    }

    private static String correlationOf(HandledMessage message) {
        String correlation = message.metadata().get(CORRELATION_ID);
        return correlation == null ? message.messageId() : correlation;
    }
}
