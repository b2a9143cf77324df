package io.evento.server.routing;

import io.evento.protocol.frame.MessageKind;

import java.util.List;

/**
 * The cluster-wide routing table: every member publishes the routes of its own bundle connections
 * and reads everybody's. Membership data only: an entry can be stale for a moment, and requests
 * cope with a vanished target by dispatching again.
 */
public interface RouteDirectory {

    /** Publishes (or replaces) a connection's routes. */
    void publish(ConnectionRoutes routes);

    /** Removes a connection's routes. */
    void withdraw(String connectionKey);

    /** Removes every route of a member (it left the cluster). */
    void withdrawMember(String memberId);

    /** Every published connection. */
    List<ConnectionRoutes> all();

    /** The enabled instances handling a payload type of a kind, in a stable order. */
    List<RouteTarget> candidates(String payloadType, MessageKind kind);

    /**
     * Reads the shared table again, for an implementation that serves reads from a copy: after a
     * split and a merge its copy may have changed without telling (BusService calls it every tick).
     */
    default void refresh() {
    }
}
