package io.evento.server.cluster;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Messages between server instances: direct (to one member) and broadcast (to all), plus member
 * departures. Text only, so no application class ever travels. Delivery is best effort: a message
 * to a member that dies is lost, and senders must cope (deadlines, retries, polling).
 */
public interface ClusterMessaging {

    /** This member's id. */
    String localMemberId();

    /** The ids of the members now in the cluster, this one included. */
    Set<String> memberIds();

    /** Sends a message to one member (possibly this one). */
    void send(String memberId, String message);

    /** Handles messages sent to this member. */
    void onDirect(Consumer<String> handler);

    /** Sends a message to every member, this one included. */
    void broadcast(String channel, String message);

    /** Handles broadcasts on a channel. */
    void onBroadcast(String channel, Consumer<String> handler);

    /** Runs when a member leaves (crash or shutdown), with its id. */
    void onMemberRemoved(Consumer<String> handler);
}
