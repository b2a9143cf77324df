package io.evento.bundle.model;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;

import java.util.List;

/**
 * Runs a domain command on an aggregate: rebuilds the state from the snapshot and the events,
 * checks the creation rules, calls the command handler and applies the returned event. The same
 * code serves the bus and the test fixture.
 */
public final class AggregateRunner {

    private final Component component;
    private final Object instance;

    public AggregateRunner(Component component, Object instance) {
        this.component = component;
        this.instance = instance;
    }

    /**
     * An event of the story.
     *
     * @param event    the deserialized event (null when its class is unknown here: skipped)
     * @param context  values for the sourcing handler's extra parameters
     */
    public record StoredEvent(Object event, HandlerContext context) {
    }

    /**
     * What the command produced.
     *
     * @param event    the domain event to store
     * @param state    the state after it
     * @param deleted  the aggregate is deleted after it
     * @param snapshot whether a snapshot of {@code state} is due
     */
    public record Outcome(Object event, Object state, boolean deleted, boolean snapshot) {
    }

    /** The state after the events, starting from a snapshot state (or null). */
    public Object rebuild(Object snapshotState, List<StoredEvent> events) throws Exception {
        Object state = snapshotState;
        for (StoredEvent stored : events) {
            state = apply(stored.event(), state, stored.context());
        }
        return state;
    }

    /**
     * Handles the command on the state of an aggregate whose last sequence is {@code lastSequence}.
     *
     * @throws EventoException AGGREGATE_NOT_FOUND, AGGREGATE_DELETED, AGGREGATE_ALREADY_EXISTS, or
     *                         the handler's failure (HANDLER_FAILED)
     */
    public Outcome handle(Object command, Object state, long lastSequence, boolean deleted, HandlerContext context) {
        Handler handler = component.handlers().get(command.getClass());
        if (handler == null) {
            throw new EventoException(ErrorCode.NO_HANDLER, component.name() + " has no handler for " + command.getClass().getSimpleName());
        }
        String id = command instanceof io.evento.bundle.api.DomainCommand domain ? domain.aggregateId() : "?";
        if (deleted || (state instanceof io.evento.bundle.api.AggregateState s && s.deleted())) {
            throw new EventoException(ErrorCode.AGGREGATE_DELETED, component.name() + " '" + id + "' was deleted");
        }
        if (handler.init() && lastSequence > 0) {
            throw new EventoException(ErrorCode.AGGREGATE_ALREADY_EXISTS, component.name() + " '" + id + "' already exists");
        }
        if (!handler.init() && lastSequence == 0) {
            throw new EventoException(ErrorCode.AGGREGATE_NOT_FOUND, component.name() + " '" + id + "' does not exist");
        }
        try {
            Object event = handler.invoke(instance, command, withState(context, state));
            if (event == null) {
                throw new EventoException(ErrorCode.HANDLER_FAILED, handler.describe() + " returned no event");
            }
            Object next = apply(event, state, context);
            boolean gone = next instanceof io.evento.bundle.api.AggregateState s && s.deleted();
            int every = component.snapshotFrequency();
            boolean snapshot = !gone && every > 0 && next != null && (lastSequence + 1) % every == 0;
            return new Outcome(event, next, gone, snapshot);
        } catch (Exception e) {
            throw HandlerFailure.of(e);
        }
    }

    private Object apply(Object event, Object state, HandlerContext context) throws Exception {
        if (event == null) {
            return state;
        }
        Handler sourcing = component.sourcing().get(event.getClass());
        return sourcing == null ? state : sourcing.invoke(instance, event, withState(context, state));
    }

    private static HandlerContext withState(HandlerContext context, Object state) {
        return new HandlerContext(state, context.metadata(), context.eventInfo(), context.commands(), context.queries(),
                context.connection(), context.afterCommit());
    }
}
