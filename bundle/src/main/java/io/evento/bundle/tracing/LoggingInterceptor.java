package io.evento.bundle.tracing;

/**
 * Logs every handler execution through {@code System.Logger} ({@code io.evento.bundle.handling}):
 * start and end at DEBUG with the component, message type, id and time taken, failures at WARNING.
 */
public final class LoggingInterceptor implements MessageHandlerInterceptor {

    private static final System.Logger LOG = System.getLogger("io.evento.bundle.handling");
    private final ThreadLocal<Long> started = new ThreadLocal<>();

    @Override
    public void before(HandledMessage message) {
        started.set(System.nanoTime());
        LOG.log(System.Logger.Level.DEBUG, () -> describe(message) + " started");
    }

    @Override
    public void after(HandledMessage message, Object result) {
        long micros = elapsedMicros();
        LOG.log(System.Logger.Level.DEBUG, () -> describe(message) + " done in " + micros + " µs");
    }

    @Override
    public void onException(HandledMessage message, Throwable failure) {
        long micros = elapsedMicros();
        LOG.log(System.Logger.Level.WARNING, () -> describe(message) + " failed after " + micros + " µs: " + failure);
    }

    private long elapsedMicros() {
        Long start = started.get();
        started.remove();
        return start == null ? -1 : (System.nanoTime() - start) / 1000;
    }

    private static String describe(HandledMessage message) {
        return message.kind() + " " + message.component() + " on " + message.payloadType() + " " + message.messageId();
    }
}
