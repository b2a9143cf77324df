package io.evento.server.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.protocol.frame.Ack;
import io.evento.protocol.frame.ConsumerAction;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.cluster.ExecutorHolder;
import io.evento.server.connection.BundleConnection;
import io.evento.server.connection.LocalConnections;
import io.evento.server.connection.PendingReplies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers an administrator's action to the bundle instance that runs the consumer, on whichever
 * server instance it is connected to: directly when it is connected here, otherwise through a
 * cluster broadcast that the holding instance answers.
 */
@ApplicationScoped
public class ConsumerActions {

    static final String CHANNEL = "evento.consumer-actions";
    static final long TIMEOUT_MILLIS = 10_000;
    private static final System.Logger LOG = System.getLogger(ConsumerActions.class.getName());

    private ClusterMessaging messaging;
    private LocalConnections connections;
    private PendingReplies replies;
    private ExecutorHolder executors;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, CompletableFuture<Message>> waiting = new ConcurrentHashMap<>();

    protected ConsumerActions() {
        // for the CDI client proxy
    }

    @Inject
    public ConsumerActions(ClusterMessaging messaging, LocalConnections connections, PendingReplies replies, ExecutorHolder executors) {
        this.messaging = messaging;
        this.connections = connections;
        this.replies = replies;
        this.executors = executors;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        messaging.onBroadcast(CHANNEL, text -> executors.executor().execute(() -> received(text)));
    }

    /**
     * A message between server instances.
     *
     * @param op         {@code request} or {@code result}
     * @param requestId  the request
     * @param origin     the member waiting for the result
     * @param target     the bundle connection ({@code request})
     * @param frame      the consumer action ({@code request})
     * @param ok         whether the bundle acknowledged ({@code result})
     * @param code       the failure's code ({@code result})
     * @param detail     the failure's message ({@code result})
     */
    record Message(String op, String requestId, String origin, String target, ConsumerAction frame, boolean ok, String code, String detail) {
    }

    /** Performs the action; fails with the bundle's error, NOT_FOUND when the bundle instance is gone, TIMEOUT_INDETERMINATE. */
    public void perform(ReportedConsumer consumer, String action, String eventId, String position) {
        ConsumerAction frame = new ConsumerAction(UUID.randomUUID().toString(), consumer.status().consumerId(), action, eventId, position);
        Message result;
        if (consumer.memberId().equals(messaging.localMemberId())) {
            result = local(consumer.connectionKey(), frame, null);
        } else if (!messaging.memberIds().contains(consumer.memberId())) {
            throw new EventoException(ErrorCode.NOT_FOUND, "the server instance the bundle was connected to left the cluster; "
                    + "the consumer is reported again within seconds of its bundle reconnecting");
        } else {
            CompletableFuture<Message> future = new CompletableFuture<>();
            String requestId = UUID.randomUUID().toString();
            waiting.put(requestId, future);
            try {
                messaging.broadcast(CHANNEL, write(new Message("request", requestId, messaging.localMemberId(), consumer.connectionKey(),
                        frame, false, null, null)));
                result = future.get(TIMEOUT_MILLIS + 2000, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new EventoException(ErrorCode.TIMEOUT_INDETERMINATE, "the server instance holding the bundle connection did not answer");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventoException(ErrorCode.CANCELLED, "interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new EventoException(ErrorCode.INTERNAL, String.valueOf(e.getCause()));
            } finally {
                waiting.remove(requestId);
            }
        }
        if (!result.ok()) {
            throw new EventoException(code(result.code()), result.detail());
        }
    }

    private Message local(String connectionKey, ConsumerAction frame, Message request) {
        Optional<BundleConnection> connection = connections.find(connectionKey);
        if (connection.isEmpty()) {
            return result(request, false, ErrorCode.NOT_FOUND.name(),
                    "the bundle instance running this consumer is no longer connected; it reports again within seconds of reconnecting");
        }
        try {
            Frame answer = replies.request(connection.get(), frame, TIMEOUT_MILLIS).join();
            if (answer instanceof Failure failure) {
                return result(request, false, failure.code(), failure.message());
            }
            return result(request, answer instanceof Ack, answer instanceof Ack ? null : ErrorCode.INTERNAL.name(), "unexpected answer");
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EventoException evento) {
                return result(request, false, evento.code().name(), evento.getMessage());
            }
            return result(request, false, ErrorCode.TIMEOUT_INDETERMINATE.name(), "the bundle did not answer within "
                    + TIMEOUT_MILLIS + " ms; the action may or may not have been done");
        }
    }

    private static Message result(Message request, boolean ok, String code, String detail) {
        return new Message("result", request == null ? null : request.requestId(), request == null ? null : request.origin(), null, null,
                ok, code, detail);
    }

    private void received(String text) {
        Message message;
        try {
            message = json.readValue(text, Message.class);
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable consumer action message ignored: " + e.getOriginalMessage());
            return;
        }
        if ("request".equals(message.op()) && message.target().startsWith(messaging.localMemberId() + "/")) {
            messaging.broadcast(CHANNEL, write(local(message.target(), message.frame(), message)));
        } else if ("result".equals(message.op()) && messaging.localMemberId().equals(message.origin())) {
            CompletableFuture<Message> future = waiting.get(message.requestId());
            if (future != null) {
                future.complete(message);
            }
        }
    }

    private String write(Message message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ErrorCode code(String name) {
        try {
            return ErrorCode.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ErrorCode.INTERNAL;
        }
    }
}
