package io.evento.server.cluster.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.cluster.OrderedExecutor;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Messaging over Payara's Hazelcast: one topic per member and channel for direct messages
 * ({@code evento.member.<id>.<channel>}), one topic per broadcast channel. Hazelcast delivers a
 * topic's messages from one sender in order; each subscription hands them to an
 * {@link OrderedExecutor} on the given executor, so they keep that order and never run on
 * Hazelcast's event threads.
 */
public final class HazelcastMessaging implements ClusterMessaging, AutoCloseable {

    private static final String MEMBER_TOPIC = "evento.member.";
    private static final String CHANNEL_TOPIC = "evento.channel.";

    private final HazelcastInstance hazelcast;
    private final Executor executor;
    private final List<Consumer<String>> removedHandlers = new CopyOnWriteArrayList<>();
    private final List<Runnable> closers = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, ITopic<String>> topics = new java.util.concurrent.ConcurrentHashMap<>();
    private static final System.Logger LOG = System.getLogger(HazelcastMessaging.class.getName());

    public HazelcastMessaging(HazelcastInstance hazelcast, Executor executor) {
        this.hazelcast = hazelcast;
        this.executor = executor;
        UUID listener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // nothing to do: a new member publishes its own state
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                String id = event.getMember().getUuid().toString();
                removedHandlers.forEach(handler -> executor.execute(() -> handler.accept(id)));
            }
        });
        closers.add(() -> hazelcast.getCluster().removeMembershipListener(listener));
    }

    @Override
    public String localMemberId() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    @Override
    public Set<String> memberIds() {
        return hazelcast.getCluster().getMembers().stream().map(Member::getUuid).map(UUID::toString).collect(Collectors.toSet());
    }

    @Override
    public void send(String memberId, String channel, String message) {
        topics.computeIfAbsent(MEMBER_TOPIC + memberId + "." + channel, hazelcast::<String>getTopic).publish(message);
    }

    @Override
    public void onDirect(String channel, Consumer<String> handler) {
        subscribe(MEMBER_TOPIC + localMemberId() + "." + channel, handler);
    }

    /** On Hazelcast's event thread of the topic, which delivers one sender's messages in order. */
    @Override
    public void onDirectNonBlocking(String channel, Consumer<String> handler) {
        ITopic<String> topic = hazelcast.getTopic(MEMBER_TOPIC + localMemberId() + "." + channel);
        UUID registration = topic.addMessageListener(message -> {
            try {
                handler.accept(message.getMessageObject());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cluster message handler failed", e);
            }
        });
        closers.add(() -> topic.removeMessageListener(registration));
    }

    @Override
    public void broadcast(String channel, String message) {
        hazelcast.<String>getTopic(CHANNEL_TOPIC + channel).publish(message);
    }

    @Override
    public void onBroadcast(String channel, Consumer<String> handler) {
        subscribe(CHANNEL_TOPIC + channel, handler);
    }

    @Override
    public void onMemberRemoved(Consumer<String> handler) {
        removedHandlers.add(handler);
    }

    private void subscribe(String topicName, Consumer<String> handler) {
        ITopic<String> topic = hazelcast.getTopic(topicName);
        OrderedExecutor ordered = new OrderedExecutor(executor);
        UUID registration = topic.addMessageListener(message -> {
            String text = message.getMessageObject();
            ordered.execute(() -> handler.accept(text));
        });
        closers.add(() -> topic.removeMessageListener(registration));
    }

    @Override
    public void close() {
        for (Runnable closer : closers) {
            try {
                closer.run();
            } catch (RuntimeException e) {
                // Hazelcast already stopped with the server
            }
        }
    }
}
