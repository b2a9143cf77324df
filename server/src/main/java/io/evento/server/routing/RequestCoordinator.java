package io.evento.server.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.protocol.ErrorCode;
import io.evento.protocol.FrameCodec;
import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.QueryResult;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.frame.SendQuery;
import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.connection.BundleConnection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The origin side of every command and query: the instance the caller is connected to. It
 * deduplicates by message id, bounds the requests in flight, picks a target, sends the execution
 * to the instance holding the target (locally or through the cluster), enforces the deadline
 * (answering TIMEOUT_INDETERMINATE and cancelling), and dispatches again when the target vanished.
 */
final class RequestCoordinator {

    private static final System.Logger LOG = System.getLogger(RequestCoordinator.class.getName());
    private static final int MAX_ATTEMPTS = 5;
    private static final long REDISPATCH_PAUSE_MILLIS = 200;

    private final RouteDirectory routes;
    private final ClusterMessaging messaging;
    private final Function<Execution, java.util.concurrent.CompletableFuture<ExecutionOutcome>> localExecutor;
    private final Timers timers;
    private final FrameCodec codec;
    private final TargetSelector selector = new TargetSelector();
    private final RecentRequests recent = new RecentRequests(50_000, TimeUnit.MINUTES.toMillis(10));
    private final Map<String, OriginRequest> inFlight = new ConcurrentHashMap<>();
    private final Semaphore serverSlots;
    private final ObjectMapper json = new ObjectMapper();

    RequestCoordinator(RouteDirectory routes, ClusterMessaging messaging,
                       Function<Execution, java.util.concurrent.CompletableFuture<ExecutionOutcome>> localExecutor,
                       Timers timers, FrameCodec codec, int maxInFlight) {
        this.routes = routes;
        this.messaging = messaging;
        this.localExecutor = localExecutor;
        this.timers = timers;
        this.codec = codec;
        this.serverSlots = new Semaphore(maxInFlight);
    }

    /** A caller's request with its deadline. */
    void submit(BundleConnection caller, Frame request, long deadline) {
        String key = caller.bundleId() + "/" + request.id();
        Optional<Frame> answered = recent.answer(key);
        if (answered.isPresent()) {
            caller.send(withCorrelation(answered.get(), request.id()));
            return;
        }
        OriginRequest fresh = new OriginRequest(key, request, deadline);
        OriginRequest existing = inFlight.putIfAbsent(key, fresh);
        if (existing != null) {
            existing.callers.add(caller);
            return;
        }
        fresh.callers.add(caller);
        if (!serverSlots.tryAcquire()) {
            inFlight.remove(key);
            caller.send(failure(request.id(), ErrorCode.OVERLOADED, "this server instance has too many requests in flight; retry later"));
            return;
        }
        fresh.slotTaken = true;
        long delay = Math.max(0, deadline - System.currentTimeMillis());
        timers.after(delay, () -> expire(fresh));
        dispatch(fresh);
    }

    private void dispatch(OriginRequest request) {
        if (request.done) {
            return;
        }
        Optional<RouteTarget> target = select(request.frame);
        if (target.isEmpty()) {
            finish(request, failure(request.frame.id(), ErrorCode.NO_HANDLER, "no enabled bundle instance handles "
                    + kindOf(request.frame) + " '" + payloadType(request.frame) + "'"));
            return;
        }
        int attempt = ++request.attempts;
        Execution execution = new Execution(request.key + "#" + attempt, request.key, messaging.localMemberId(),
                target.get().connectionKey(), target.get().component(), request.frame, request.deadline);
        request.execution = execution;
        request.targetMember = target.get().memberId();
        if (target.get().memberId().equals(messaging.localMemberId())) {
            localExecutor.apply(execution).whenComplete((outcome, error) -> {
                if (error != null) {
                    LOG.log(System.Logger.Level.ERROR, "execution " + execution.executionId() + " failed", error);
                    outcome(new ExecutionOutcome(execution.executionId(),
                            failure(null, ErrorCode.INTERNAL, "unexpected " + error), false));
                } else {
                    outcome(outcome);
                }
            });
        } else {
            messaging.send(target.get().memberId(), envelope(new ClusterEnvelope("execute", execution.executionId(), request.key,
                    execution.originMember(), execution.connectionKey(), execution.component(), codec.encode(request.frame),
                    request.deadline, false)));
        }
    }

    private Optional<RouteTarget> select(Frame frame) {
        if (frame instanceof SendCommand command) {
            List<RouteTarget> candidates = routes.candidates(command.payloadType(), command.kind());
            if (command.kind() == MessageKind.DOMAIN_COMMAND) {
                return selector.byKey(candidates, command.aggregateId());
            }
            return command.lockId() != null ? selector.byKey(candidates, command.lockId()) : selector.roundRobin(candidates);
        }
        SendQuery query = (SendQuery) frame;
        return selector.roundRobin(routes.candidates(query.payloadType(), MessageKind.QUERY));
    }

    /** An execution ended, here or on another instance. */
    void outcome(ExecutionOutcome outcome) {
        String key = outcome.executionId().substring(0, outcome.executionId().lastIndexOf('#'));
        OriginRequest request = inFlight.get(key);
        if (request == null || request.execution == null || !request.execution.executionId().equals(outcome.executionId())) {
            return;
        }
        if (outcome.redispatch()) {
            if (request.attempts >= MAX_ATTEMPTS) {
                finish(request, failure(request.frame.id(), ErrorCode.NO_HANDLER, "no bundle instance could take the request after "
                        + request.attempts + " attempts"));
            } else {
                timers.after(REDISPATCH_PAUSE_MILLIS, () -> dispatch(request));
            }
            return;
        }
        finish(request, withCorrelation(outcome.result(), request.frame.id()));
    }

    /** A member left: requests executing there are dispatched again. */
    void memberRemoved(String memberId) {
        for (OriginRequest request : inFlight.values()) {
            if (memberId.equals(request.targetMember) && request.execution != null) {
                outcome(new ExecutionOutcome(request.execution.executionId(), null, true));
            }
        }
    }

    /** A routing message from another instance. */
    void received(String text, Function<Execution, java.util.concurrent.CompletableFuture<ExecutionOutcome>> executor) {
        ClusterEnvelope envelope;
        try {
            envelope = json.readValue(text, ClusterEnvelope.class);
        } catch (JsonProcessingException e) {
            LOG.log(System.Logger.Level.WARNING, "unreadable routing message ignored: " + e.getOriginalMessage());
            return;
        }
        switch (envelope.op()) {
            case "execute" -> {
                Execution execution = new Execution(envelope.executionId(), envelope.requestKey(), envelope.originMember(),
                        envelope.connectionKey(), envelope.component(), codec.decode(envelope.frame()), envelope.deadline());
                executor.apply(execution).whenComplete((outcome, error) -> {
                    ExecutionOutcome result = error == null ? outcome : new ExecutionOutcome(execution.executionId(),
                            failure(null, ErrorCode.INTERNAL, "unexpected " + error), false);
                    messaging.send(execution.originMember(), envelope(new ClusterEnvelope("outcome", result.executionId(),
                            execution.requestKey(), null, null, null, result.result() == null ? null : codec.encode(result.result()),
                            0, result.redispatch())));
                });
            }
            case "outcome" -> outcome(new ExecutionOutcome(envelope.executionId(),
                    envelope.frame() == null ? null : codec.decode(envelope.frame()), envelope.redispatch()));
            default -> LOG.log(System.Logger.Level.WARNING, "unknown routing message " + envelope.op());
        }
    }

    private void expire(OriginRequest request) {
        if (!request.done) {
            finish(request, failure(request.frame.id(), ErrorCode.TIMEOUT_INDETERMINATE,
                    "the deadline passed; the request may or may not have been executed (retry with the same id to find out)"));
        }
    }

    private void finish(OriginRequest request, Frame answer) {
        synchronized (request) {
            if (request.done) {
                return;
            }
            request.done = true;
        }
        inFlight.remove(request.key, request);
        if (request.slotTaken) {
            serverSlots.release();
        }
        if (!(answer instanceof Failure failure) || !failure.retryable()) {
            recent.remember(request.key, answer);
        }
        for (BundleConnection caller : request.callers) {
            caller.send(answer);
        }
    }

    int inFlight() {
        return inFlight.size();
    }

    private String envelope(ClusterEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Frame withCorrelation(Frame answer, String correlationId) {
        String id = UUID.randomUUID().toString();
        if (answer instanceof CommandResult r) {
            return new CommandResult(id, correlationId, r.event(), r.duplicate());
        }
        if (answer instanceof QueryResult r) {
            return new QueryResult(id, correlationId, r.result());
        }
        if (answer instanceof Failure f) {
            return new Failure(id, correlationId, f.code(), f.message(), f.retryable(), f.exceptionType());
        }
        return failure(correlationId, ErrorCode.INTERNAL, "unexpected answer " + answer.getClass().getSimpleName());
    }

    static Failure failure(String correlationId, ErrorCode code, String message) {
        return new Failure(UUID.randomUUID().toString(), correlationId, code.name(), message, code.retryable(), null);
    }

    private static String payloadType(Frame frame) {
        return frame instanceof SendCommand c ? c.payloadType() : ((SendQuery) frame).payloadType();
    }

    private static String kindOf(Frame frame) {
        return frame instanceof SendCommand c ? c.kind().name() : MessageKind.QUERY.name();
    }

    private static final class OriginRequest {
        final String key;
        final Frame frame;
        final long deadline;
        final List<BundleConnection> callers = new CopyOnWriteArrayList<>();
        volatile int attempts;
        volatile Execution execution;
        volatile String targetMember;
        volatile boolean done;
        volatile boolean slotTaken;

        OriginRequest(String key, Frame frame, long deadline) {
            this.key = key;
            this.frame = frame;
            this.deadline = deadline;
        }
    }
}
