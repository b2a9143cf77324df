package io.evento.server.connection;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.Frame;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Requests this server sends to a bundle outside routing (administrators' consumer actions) and
 * the {@code ack} or {@code failure} each waits for.
 */
@ApplicationScoped
public class PendingReplies {

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Sends the request on the connection; the future completes with the answer or fails after the timeout. */
    public CompletableFuture<Frame> request(BundleConnection connection, Frame request, long timeoutMillis) {
        CompletableFuture<Frame> answer = new CompletableFuture<>();
        pending.put(request.id(), new Pending(connection, answer));
        answer.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((frame, error) -> pending.remove(request.id()));
        if (!connection.send(request)) {
            answer.completeExceptionally(new EventoException(ErrorCode.NOT_FOUND, "the bundle connection " + connection.connectionKey()
                    + " closed"));
        }
        return answer;
    }

    /** An answer arrived; false when nothing waited for it on that connection. */
    public boolean answered(BundleConnection from, String correlationId, Frame answer) {
        Pending entry = correlationId == null ? null : pending.get(correlationId);
        if (entry == null || entry.connection != from) {
            return false;
        }
        return entry.answer.complete(answer);
    }

    private record Pending(BundleConnection connection, CompletableFuture<Frame> answer) {
    }
}
