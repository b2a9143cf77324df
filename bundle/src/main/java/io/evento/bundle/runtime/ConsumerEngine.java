package io.evento.bundle.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.evento.bundle.api.SagaState;
import io.evento.bundle.connection.ServerConnection;
import io.evento.bundle.model.Component;
import io.evento.bundle.model.Handler;
import io.evento.bundle.model.HandlerContext;
import io.evento.bundle.model.PayloadTypes;
import io.evento.bundle.tracing.HandledMessage;
import io.evento.bundle.tracing.HandlerExecutions;
import io.evento.bundle.state.ConsumerStateStore;
import io.evento.bundle.state.ConsumerTransaction;
import io.evento.bundle.state.DeadEvent;
import io.evento.bundle.state.Lease;
import io.evento.bundle.state.LeaseLostException;
import io.evento.bundle.state.SagaInstance;
import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.ConsumerReport;
import io.evento.protocol.frame.EventRecord;
import io.evento.protocol.frame.EventsFetched;
import io.evento.protocol.frame.FetchEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one consumer (projector, saga or observer): only while it holds the consumer's lease, it
 * pages through the global stream from its saved position, calls the handler of each event in a
 * transaction of the consumer state store that also moves the position (fenced by the lease),
 * retries a failing handler with back-off and then parks the event in the dead event queue and
 * moves on. It sleeps when caught up until woken by the server or the poll interval.
 */
final class ConsumerEngine implements Runnable {

    private static final System.Logger LOG = System.getLogger(ConsumerEngine.class.getName());
    private static final Duration LEASE_TTL = Duration.ofSeconds(10);
    /** {@code retries = -1}: retry a failing event without end, blocking the consumer. */
    static final int RETRY_WITHOUT_END = -1;
    /** The pauses between two attempts of an endless retry: at least this (even with retryDelayMillis = 0), doubling up to the longest. */
    static final long MIN_ENDLESS_PAUSE_MILLIS = 20;
    static final long MAX_ENDLESS_PAUSE_MILLIS = 30_000;
    /** The longest failure text a report carries. */
    static final int MAX_ERROR_CHARS = 1000;
    private static final long RENEW_EVERY_NANOS = Duration.ofSeconds(3).toNanos();
    private static final long POLL_MILLIS = 1000;
    private static final long DEAD_EVENT_CHECK_NANOS = Duration.ofSeconds(1).toNanos();
    private static final int PAGE = 200;

    private final HandlerExecutions executions;
    private final String bundleId;
    private final Component component;
    private final String context;
    private final Object instance;
    private final String consumerId;
    private final String owner;
    private final ConsumerStateStore store;
    private final ServerConnection connection;
    private final PayloadTypes payloads;
    private final Gateways gateways;
    private final List<String> types;
    private final HandlerTimings timings;
    private volatile String lastPosition;
    private final Object wake = new Object();
    private volatile boolean woken;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile Lease lease;
    /** The event a handler with retries = -1 keeps failing on, or null. */
    private volatile ConsumerReport.Retrying retrying;
    private long renewedNanos;
    private long deadCheckedNanos;

    /** The consumer of one of the component's context patterns. */
    ConsumerEngine(Component component, String context, Object instance, String bundleId, String owner, ConsumerStateStore store,
                   ServerConnection connection, PayloadTypes payloads, Gateways gateways, HandlerExecutions executions) {
        this.executions = executions;
        this.bundleId = bundleId;
        this.component = component;
        this.context = context;
        this.instance = instance;
        this.consumerId = component.consumerId(bundleId, context);
        this.owner = owner;
        this.store = store;
        this.connection = connection;
        this.payloads = payloads;
        this.gateways = gateways;
        this.types = component.handlers().keySet().stream().map(PayloadTypes::nameOf).sorted().toList();
        this.timings = new HandlerTimings(component.name());
    }

    HandlerTimings timings() {
        return timings;
    }

    String consumerId() {
        return consumerId;
    }

    Component component() {
        return component;
    }

    /** The context pattern it reads. */
    String context() {
        return context;
    }

    /** Whether it reached the head at its last fetch and is not stuck on an event. */
    boolean caughtUp() {
        return caughtUp && retrying == null;
    }

    /** The event this consumer is stuck on (retries = -1), or null. */
    ConsumerReport.Retrying retrying() {
        return retrying;
    }

    boolean ownsLease() {
        return lease != null;
    }

    void wakeUp() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    void stop() {
        running = false;
        wakeUp();
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (!holdLease()) {
                    caughtUp = true;
                    pause(POLL_MILLIS * 2);
                    continue;
                }
                retryDeadEvents();
                String after = store.position(consumerId).orElseGet(this::startPosition);
                EventsFetched page = (EventsFetched) connection.request(new FetchEvents(UUID.randomUUID().toString(), consumerId, after,
                        types, context, PAGE), 30_000).join();
                for (EventRecord event : page.events()) {
                    if (!running) {
                        break;
                    }
                    process(event);
                }
                if (!page.next().equals(after) && running) {
                    String last = page.events().isEmpty() ? null : page.events().get(page.events().size() - 1).position();
                    if (!page.next().equals(last)) {
                        store.inTransaction(lease, tx -> {
                            tx.savePosition(page.next());
                            return null;
                        });
                    }
                }
                if (page.events().isEmpty() && page.next().equals(after)) {
                    caughtUp = true;
                    pause(POLL_MILLIS);
                }
            } catch (LeaseLostException e) {
                LOG.log(System.Logger.Level.INFO, consumerId
                        + ": lease lost (another instance took over, or an administrator reset the position); trying to take it again");
                lease = null;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(System.Logger.Level.WARNING, consumerId + ": " + e);
                    pause(POLL_MILLIS);
                }
            }
        }
        Lease held = lease;
        if (held != null) {
            try {
                store.release(held);
            } catch (RuntimeException e) {
                // it expires by itself
            }
        }
    }

    private boolean holdLease() {
        if (lease == null) {
            lease = store.acquire(consumerId, owner, LEASE_TTL).orElse(null);
            renewedNanos = System.nanoTime();
            return lease != null;
        }
        if (System.nanoTime() - renewedNanos > RENEW_EVERY_NANOS) {
            if (!store.renew(lease, LEASE_TTL)) {
                lease = null;
                return false;
            }
            renewedNanos = System.nanoTime();
        }
        return true;
    }

    /** Projectors start from the beginning of the stream; sagas and observers from its head. */
    private String startPosition() {
        if (component.kind() == ComponentKind.PROJECTOR) {
            return "0.0";
        }
        EventsFetched page = (EventsFetched) connection.request(new FetchEvents(UUID.randomUUID().toString(), consumerId, "0.0",
                List.of(), "*", 1), 30_000).join();
        String head = page.head();
        store.inTransaction(lease, tx -> {
            tx.savePosition(head);
            return null;
        });
        return head;
    }

    private void process(EventRecord record) {
        Object event = Records.event(payloads, record);
        Handler handler = event == null ? null : component.handlers().get(event.getClass());
        if (handler == null) {
            store.inTransaction(lease, tx -> {
                tx.savePosition(record.position());
                return null;
            });
            return;
        }
        Exception last = null;
        boolean endless = handler.retries() == RETRY_WITHOUT_END;
        long firstFailure = 0;
        for (int attempt = 0; (endless || attempt <= handler.retries()) && running; attempt++) {
            java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();
            try {
                store.inTransaction(lease, tx -> {
                    afterCommit.clear();
                    handle(handler, event, record, tx, afterCommit);
                    tx.savePosition(record.position());
                    return null;
                });
                retrying = null;
                runAll(afterCommit);
                return;
            } catch (LeaseLostException e) {
                retrying = null;
                throw e;
            } catch (Exception e) {
                last = e;
                if (endless) {
                    firstFailure = firstFailure == 0 ? System.currentTimeMillis() : firstFailure;
                    String error = message(e);
                    retrying = new ConsumerReport.Retrying(record.eventId(), record.type(), record.position(), attempt + 1,
                            error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) + "…" : error, firstFailure);
                    if (attempt == 0 || Integer.bitCount(attempt + 1) == 1) {
                        LOG.log(System.Logger.Level.WARNING, consumerId + ": event " + record.eventId() + " (" + record.type() + ") failed "
                                + (attempt + 1) + " times; retrying without end (retries = -1), nothing after it is processed: " + e);
                    }
                    pause(Math.min(MAX_ENDLESS_PAUSE_MILLIS, Math.max(MIN_ENDLESS_PAUSE_MILLIS, handler.retryDelayMillis()) << Math.min(attempt, 20)));
                    Lease held = lease;
                    if (!holdLease()) {
                        retrying = null;
                        throw new LeaseLostException(held);
                    }
                } else if (attempt < handler.retries()) {
                    pause(handler.retryDelayMillis() << attempt);
                }
            }
        }
        if (!running) {
            return;
        }
        Exception failure = last;
        LOG.log(System.Logger.Level.WARNING, consumerId + ": event " + record.eventId() + " (" + record.type() + ") failed "
                + (handler.retries() + 1) + " times, parked in the dead event queue: " + failure);
        store.inTransaction(lease, tx -> {
            tx.addDeadEvent(new DeadEvent(consumerId, record.eventId(), record.position(), record.type(), payloads.toJson(record),
                    message(failure), handler.retries() + 1, false, Instant.now()));
            tx.savePosition(record.position());
            return null;
        });
    }

    /** Dead events an administrator flagged for retry get one more attempt each. */
    private void retryDeadEvents() {
        if (System.nanoTime() - deadCheckedNanos < DEAD_EVENT_CHECK_NANOS) {
            return;
        }
        deadCheckedNanos = System.nanoTime();
        for (DeadEvent dead : store.deadEvents(consumerId)) {
            if (!dead.retry()) {
                continue;
            }
            EventRecord record = payloads.fromJson(dead.eventJson(), EventRecord.class);
            Object event = Records.event(payloads, record);
            Handler handler = event == null ? null : component.handlers().get(event.getClass());
            java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();
            try {
                store.inTransaction(lease, tx -> {
                    afterCommit.clear();
                    if (handler != null) {
                        handle(handler, event, record, tx, afterCommit);
                    }
                    tx.removeDeadEvent(dead.eventId());
                    return null;
                });
                runAll(afterCommit);
                LOG.log(System.Logger.Level.INFO, consumerId + ": dead event " + dead.eventId() + " processed on retry");
            } catch (LeaseLostException e) {
                throw e;
            } catch (Exception e) {
                store.inTransaction(lease, tx -> {
                    tx.addDeadEvent(new DeadEvent(consumerId, dead.eventId(), dead.position(), dead.eventType(), dead.eventJson(),
                            message(e), 1, false, dead.deadAt()));
                    return null;
                });
            }
        }
    }

    private static void runAll(java.util.List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an after-commit action failed: " + e);
            }
        }
    }

    private void handle(Handler handler, Object event, EventRecord record, ConsumerTransaction tx, java.util.List<Runnable> afterCommit)
            throws Exception {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            invoke(handler, event, record, tx, afterCommit);
            failed = false;
        } finally {
            timings.record(record.type(), System.nanoTime() - start, failed);
        }
    }

    private void invoke(Handler handler, Object event, EventRecord record, ConsumerTransaction tx, java.util.List<Runnable> afterCommit)
            throws Exception {
        Gateways gateways = this.gateways.as(component.name() + "#" + record.type());
        HandlerContext context = new HandlerContext(null, Records.metadata(payloads, record.metadata()), Records.info(record),
                gateways, gateways, tx.connection(), afterCommit::add);
        HandledMessage handled = new HandledMessage(bundleId, component.name(), component.kind(), record.type(), record.eventId(),
                record.aggregateId(), context.metadata());
        if (component.kind() != ComponentKind.SAGA) {
            executions.run(handled, () -> handler.invoke(instance, event, context));
            return;
        }
        JsonNode tree = payloads.json().valueToTree(event);
        JsonNode property = tree.get(handler.association());
        String value = property == null || property.isNull() ? null : property.asText();
        Optional<SagaInstance> found = value == null ? Optional.empty() : tx.findSaga(component.name(), handler.association(), value);
        if (found.isEmpty() && !handler.init()) {
            return;
        }
        Object state = found.map(s -> payloads.fromJson(s.state(), component.stateType())).orElse(null);
        Object next = executions.run(handled, () -> handler.invoke(instance, event, new HandlerContext(state, context.metadata(),
                context.eventInfo(), gateways, gateways, tx.connection(), afterCommit::add)));
        String sagaId = found.map(SagaInstance::sagaId).orElseGet(() -> UUID.randomUUID().toString());
        if (next == null || (next instanceof SagaState saga && saga.ended())) {
            if (found.isPresent()) {
                tx.deleteSaga(component.name(), sagaId);
            }
            return;
        }
        Map<String, String> associations = new HashMap<>(found.map(SagaInstance::associations).orElse(Map.of()));
        if (value != null) {
            associations.put(handler.association(), value);
        }
        if (next instanceof SagaState saga) {
            associations.putAll(saga.associations());
        }
        tx.saveSaga(component.name(), new SagaInstance(sagaId, payloads.toJson(next), associations));
    }

    private static String message(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private void pause(long millis) {
        synchronized (wake) {
            if (!woken && running) {
                try {
                    wake.wait(Math.max(1, millis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }
}
