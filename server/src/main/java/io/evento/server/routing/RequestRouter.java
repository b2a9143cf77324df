package io.evento.server.routing;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.frame.Frame;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.frame.SendQuery;
import io.evento.server.command.Answers;
import io.evento.server.command.CommandExecutor;
import io.evento.server.command.Execution;
import io.evento.server.command.ExecutionOutcome;
import io.evento.server.connection.BundleConnection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * The origin side of every command and query: the instance the caller is connected to. It answers
 * repetitions of recent requests at once and lets a repetition of a running one wait for the same
 * answer, bounds the requests in flight ({@code OVERLOADED}), picks the target, hands the execution
 * to the {@link CommandExecutor}, dispatches again when the target vanished before the request
 * had any effect, and enforces the deadline ({@code TIMEOUT_INDETERMINATE}, then cancel).
 * {@link #submit} never blocks: it runs on the thread that read the caller's frame, so requests of
 * one caller reach their targets in the order they were sent.
 */
public final class RequestRouter {

    private final RouteDirectory routes;
    private final CommandExecutor executor;
    private final String localMember;
    private final RoutingSettings settings;
    private final Timers timers;
    private final LongSupplier clock;
    private final TargetSelector selector = new TargetSelector();
    private final RecentAnswers recent;
    private final Map<String, OriginRequest> inFlight = new ConcurrentHashMap<>();
    private final Semaphore slots;
    private final RequestRecorder recorder;

    public RequestRouter(RouteDirectory routes, CommandExecutor executor, String localMember, RoutingSettings settings, Timers timers,
                         LongSupplier clock) {
        this(routes, executor, localMember, settings, timers, clock, RequestRecorder.NONE);
    }

    public RequestRouter(RouteDirectory routes, CommandExecutor executor, String localMember, RoutingSettings settings, Timers timers,
                         LongSupplier clock, RequestRecorder recorder) {
        this.recorder = recorder;
        this.routes = routes;
        this.executor = executor;
        this.localMember = localMember;
        this.settings = settings;
        this.timers = timers;
        this.clock = clock;
        this.recent = new RecentAnswers(settings.rememberedAnswers(), settings.rememberFor().toMillis(), clock);
        this.slots = new Semaphore(settings.maxInFlight());
    }

    /** A caller's {@code send-command} or {@code send-query}. */
    public void submit(BundleConnection caller, Frame request) {
        long timeout = request instanceof SendCommand command ? command.timeoutMillis() : ((SendQuery) request).timeoutMillis();
        long deadline = settings.deadline(clock.getAsLong(), timeout);
        String key = caller.bundleId() + "/" + request.id();
        Frame known = recent.answer(key);
        if (known != null) {
            caller.send(Answers.repeated(known));
            return;
        }
        OriginRequest fresh = new OriginRequest(key, request, deadline, caller);
        OriginRequest existing = inFlight.putIfAbsent(key, fresh);
        if (existing != null) {
            Frame answer = existing.join(caller);
            if (answer != null) {
                caller.send(Answers.repeated(answer));
            }
            return;
        }
        if (!slots.tryAcquire()) {
            inFlight.remove(key, fresh);
            caller.send(Answers.failure(request.id(), ErrorCode.OVERLOADED,
                    "this server instance has too many requests in flight; retry later"));
            recorder.answered(kindOf(request), ErrorCode.OVERLOADED.name(), System.nanoTime() - fresh.arrivedNanos);
            return;
        }
        dispatch(fresh);
    }

    private void dispatch(OriginRequest request) {
        if (request.done()) {
            return;
        }
        Optional<RouteTarget> target = select(request.frame, request.key);
        if (target.isEmpty()) {
            finish(request, Answers.failure(request.frame.id(), ErrorCode.NO_HANDLER, "no enabled bundle instance handles "
                    + kindOf(request.frame) + " '" + payloadType(request.frame) + "'"));
            return;
        }
        int attempt = ++request.attempts;
        Execution execution = new Execution(request.key + "#" + attempt, request.key, localMember, target.get().memberId(),
                target.get().connectionKey(), target.get().component(), request.frame, request.deadline);
        request.execution = execution;
        executor.execute(execution).whenComplete((outcome, error) -> ended(request, execution, outcome, error));
    }

    private void ended(OriginRequest request, Execution execution, ExecutionOutcome outcome, Throwable error) {
        if (request.done() || request.execution != execution) {
            return;
        }
        if (error != null) {
            finish(request, Answers.failure(request.frame.id(), ErrorCode.INTERNAL, "the execution failed: " + error));
        } else if (!outcome.redispatch()) {
            finish(request, outcome.result());
        } else if (request.attempts >= settings.maxAttempts()) {
            finish(request, Answers.failure(request.frame.id(), ErrorCode.NO_HANDLER, "no bundle instance could take the request after "
                    + request.attempts + " attempts"));
        } else {
            timers.after(settings.redispatchPause().toMillis(), () -> dispatch(request));
        }
    }

    private Optional<RouteTarget> select(Frame frame, String key) {
        if (frame instanceof SendCommand command) {
            List<RouteTarget> candidates = routes.candidates(command.payloadType(), command.kind());
            if (command.kind() == MessageKind.DOMAIN_COMMAND) {
                return selector.byKey(candidates, command.aggregateId());
            }
            return selector.byKey(candidates, command.lockId() != null ? command.lockId() : key);
        }
        SendQuery query = (SendQuery) frame;
        return selector.roundRobin(routes.candidates(query.payloadType(), MessageKind.QUERY));
    }

    /** Answers every request whose deadline passed with {@code TIMEOUT_INDETERMINATE} and cancels its execution. */
    public void expireDue() {
        long now = clock.getAsLong();
        for (OriginRequest request : inFlight.values()) {
            if (request.deadline < now && finish(request, Answers.indeterminate(request.frame.id(),
                    "the deadline passed; the request may or may not have been executed (retry with the same id to find out)"))) {
                Execution execution = request.execution;
                if (execution != null) {
                    executor.cancel(execution);
                }
            }
        }
    }

    private boolean finish(OriginRequest request, Frame answer) {
        List<BundleConnection> callers = request.finish(answer);
        if (callers == null) {
            return false;
        }
        inFlight.remove(request.key, request);
        slots.release();
        if (!(answer instanceof io.evento.protocol.frame.Failure failure) || !failure.retryable()) {
            recent.remember(request.key, answer);
        }
        callers.get(0).send(answer);
        for (int i = 1; i < callers.size(); i++) {
            callers.get(i).send(Answers.repeated(answer));
        }
        recorder.answered(kindOf(request.frame), answer instanceof io.evento.protocol.frame.Failure failure ? failure.code() : "OK",
                System.nanoTime() - request.arrivedNanos);
        return true;
    }

    /** Requests of callers connected here that are not answered yet. */
    public int inFlight() {
        return inFlight.size();
    }

    private static String payloadType(Frame frame) {
        return frame instanceof SendCommand c ? c.payloadType() : ((SendQuery) frame).payloadType();
    }

    private static String kindOf(Frame frame) {
        return frame instanceof SendCommand c ? c.kind().name() : MessageKind.QUERY.name();
    }
}
