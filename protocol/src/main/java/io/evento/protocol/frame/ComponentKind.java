package io.evento.protocol.frame;

/** The kinds of bundle components. */
public enum ComponentKind {
    AGGREGATE, SERVICE, PROJECTOR, PROJECTION, SAGA, OBSERVER, INVOKER
}
