package io.evento.server.cluster;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Messages between server instances: direct (to one member, on a named channel) and broadcast (to
 * all), plus member departures. Text only, so no application class ever travels. Handlers of a
 * channel get its messages one at a time, in the order each sender sent them, on a worker thread
 * (never a Hazelcast thread). Delivery is best effort: a message to a member that dies is lost, and
 * senders must cope (deadlines, re-dispatch, polling).
 */
public interface ClusterMessaging {

    /** This member's id. */
    String localMemberId();

    /** The ids of the members now in the cluster, this one included. */
    Set<String> memberIds();

    /** Sends a message on a channel to one member (possibly this one). */
    void send(String memberId, String channel, String message);

    /** Handles the messages sent to this member on a channel. */
    void onDirect(String channel, Consumer<String> handler);

    /**
     * Handles the messages sent to this member on a channel on the thread that delivers them (in
     * each sender's order, one hand-off less): for handlers that never block.
     */
    default void onDirectNonBlocking(String channel, Consumer<String> handler) {
        onDirect(channel, handler);
    }

    /** Sends a message to every member, this one included. */
    void broadcast(String channel, String message);

    /** Handles broadcasts on a channel. */
    void onBroadcast(String channel, Consumer<String> handler);

    /** Runs when a member leaves (crash, shutdown or a split), with its id. */
    void onMemberRemoved(Consumer<String> handler);
}
