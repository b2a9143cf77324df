package io.evento.bundle.model;

import io.evento.protocol.frame.ComponentKind;

import java.util.List;
import java.util.Map;

/**
 * A component of the bundle as the runtime uses it.
 *
 * @param name              its name (the class's simple name)
 * @param kind              its kind
 * @param type              its class
 * @param version           consumer version (part of the consumer id)
 * @param contexts          the context patterns a consumer reads, one consumer each ({@code *}: all); empty for other kinds
 * @param handlers          handlers by payload class (commands, queries, events)
 * @param sourcing          an aggregate's event-sourcing handlers by event class
 * @param stateType         the aggregate's or saga's state class, or null
 * @param snapshotFrequency an aggregate's snapshot frequency (0: never)
 * @param description       free text for the catalog
 */
public record Component(String name, ComponentKind kind, Class<?> type, int version, List<String> contexts,
                        Map<Class<?>, Handler> handlers, Map<Class<?>, Handler> sourcing, Class<?> stateType,
                        int snapshotFrequency, String description) {

    public Component {
        handlers = Map.copyOf(handlers);
        sourcing = Map.copyOf(sourcing);
        contexts = List.copyOf(contexts);
    }

    public boolean isConsumer() {
        return kind == ComponentKind.PROJECTOR || kind == ComponentKind.SAGA || kind == ComponentKind.OBSERVER;
    }

    /** {@code bundle:component:version:context}: the consumer of one of its context patterns. */
    public String consumerId(String bundleId, String context) {
        return bundleId + ":" + name + ":" + version + ":" + context;
    }
}
