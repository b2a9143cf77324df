package io.evento.server.command;

import io.evento.protocol.frame.CommandResult;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.Frame;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Requests this member executed, by idempotency key: a repetition of a running request waits for
 * the same answer, a repetition of a finished one gets its answer (marked {@code duplicate}) without
 * running the handler again. Every origin sends the commands of one aggregate (or lock id) to the
 * same target while the set of bundle instances is stable, so this catches retries through any
 * server instance; beyond its memory the event store's event ids still do (ADR 0007).
 */
final class ExecutedRequests {

    private final Map<String, CompletableFuture<Frame>> running = new ConcurrentHashMap<>();
    private final Map<String, Remembered> finished;
    private final LongSupplier clock;
    private final long rememberMillis;

    ExecutedRequests(int capacity, long rememberMillis, LongSupplier clock) {
        this.clock = clock;
        this.rememberMillis = rememberMillis;
        this.finished = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Runs the work for the request unless it runs or ran already here. */
    CompletableFuture<Frame> run(String requestKey, Supplier<CompletableFuture<Frame>> work) {
        Frame known = answer(requestKey);
        if (known != null) {
            return CompletableFuture.completedFuture(Answers.repeated(known));
        }
        CompletableFuture<Frame> mine = new CompletableFuture<>();
        CompletableFuture<Frame> other = running.putIfAbsent(requestKey, mine);
        if (other != null) {
            return other.thenApply(Answers::repeated);
        }
        CompletableFuture<Frame> result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((frame, error) -> {
            if (frame != null && isFinal(frame)) {
                remember(requestKey, frame);
            }
            running.remove(requestKey, mine);
            if (error != null) {
                mine.completeExceptionally(error);
            } else {
                mine.complete(frame);
            }
        });
        return mine;
    }

    /** Command results and failures that a retry cannot change; retryable failures are not final. */
    static boolean isFinal(Frame frame) {
        return frame instanceof CommandResult || (frame instanceof Failure failure && !failure.retryable());
    }

    private Frame answer(String requestKey) {
        synchronized (finished) {
            Remembered remembered = finished.get(requestKey);
            if (remembered == null) {
                return null;
            }
            if (clock.getAsLong() - remembered.at > rememberMillis) {
                finished.remove(requestKey);
                return null;
            }
            return remembered.answer;
        }
    }

    private void remember(String requestKey, Frame answer) {
        synchronized (finished) {
            finished.put(requestKey, new Remembered(answer, clock.getAsLong()));
        }
    }

    int running() {
        return running.size();
    }

    private record Remembered(Frame answer, long at) {
    }
}
