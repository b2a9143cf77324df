package io.evento.server.cluster.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.replicatedmap.ReplicatedMap;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.MessageListener;
import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.cluster.OrderedExecutor;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Messaging over Payara's Hazelcast: one topic per member and channel for direct messages
 * ({@code evento.member.<id>.<channel>}), one topic per broadcast channel. Hazelcast delivers a
 * topic's messages from one sender in order; each subscription hands them to an
 * {@link OrderedExecutor} on the given executor (or, for non-blocking handlers, runs them on the
 * delivering thread), so they keep that order.
 *
 * <p>A member's id here is its own, fixed for the life of the process: Hazelcast gives a member
 * that merges back after a split a new UUID, and routes, connection keys and topic names must not
 * change with it. The replicated map {@value #MEMBERS} maps each Hazelcast UUID to the member's id;
 * every member writes its entry at start and again after a merge, when it also subscribes again.
 */
public final class HazelcastMessaging implements ClusterMessaging, AutoCloseable {

    static final String MEMBERS = "evento.member-ids";
    private static final String MEMBER_TOPIC = "evento.member.";
    private static final String CHANNEL_TOPIC = "evento.channel.";
    private static final System.Logger LOG = System.getLogger(HazelcastMessaging.class.getName());

    private final HazelcastInstance hazelcast;
    private final Executor executor;
    private final String localId;
    private final ReplicatedMap<String, String> members;
    private final List<Consumer<String>> removedHandlers = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Runnable> closers = new CopyOnWriteArrayList<>();
    private final Map<String, ITopic<String>> topics = new ConcurrentHashMap<>();

    /** With a member id of its own (for tests and tools). */
    public HazelcastMessaging(HazelcastInstance hazelcast, Executor executor) {
        this(hazelcast, UUID.randomUUID().toString(), executor);
    }

    /** @param memberId this member's id for the life of the process (the cluster view's) */
    public HazelcastMessaging(HazelcastInstance hazelcast, String memberId, Executor executor) {
        this.hazelcast = hazelcast;
        this.localId = memberId;
        this.executor = executor;
        this.members = hazelcast.getReplicatedMap(MEMBERS);
        announce();
        UUID membership = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // a new member announces itself
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                String hazelcastId = event.getMember().getUuid().toString();
                String id = members.remove(hazelcastId);
                if (id != null && !id.equals(localId)) {
                    removedHandlers.forEach(handler -> executor.execute(() -> handler.accept(id)));
                }
            }
        });
        closers.add(() -> hazelcast.getCluster().removeMembershipListener(membership));
        UUID lifecycle = hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                executor.execute(this::rejoined);
            }
        });
        closers.add(() -> hazelcast.getLifecycleService().removeLifecycleListener(lifecycle));
    }

    /** After a split-brain merge: a new Hazelcast UUID to announce, listeners to register again. */
    private void rejoined() {
        LOG.log(System.Logger.Level.WARNING, "Evento cluster member {0} merged back after a split; subscribing again", localId);
        announce();
        for (Subscription subscription : subscriptions) {
            subscription.register();
        }
    }

    private void announce() {
        members.put(hazelcast.getCluster().getLocalMember().getUuid().toString(), localId);
    }

    @Override
    public String localMemberId() {
        return localId;
    }

    @Override
    public Set<String> memberIds() {
        Set<String> live = hazelcast.getCluster().getMembers().stream().map(Member::getUuid).map(UUID::toString)
                .collect(Collectors.toSet());
        Set<String> ids = new HashSet<>();
        ids.add(localId);
        members.forEach((hazelcastId, id) -> {
            if (live.contains(hazelcastId)) {
                ids.add(id);
            }
        });
        return ids;
    }

    @Override
    public void send(String memberId, String channel, String message) {
        topics.computeIfAbsent(MEMBER_TOPIC + memberId + "." + channel, hazelcast::<String>getTopic).publish(message);
    }

    @Override
    public void onDirect(String channel, Consumer<String> handler) {
        subscribe(MEMBER_TOPIC + localId + "." + channel, handler, false);
    }

    /** On Hazelcast's event thread of the topic, which delivers one sender's messages in order. */
    @Override
    public void onDirectNonBlocking(String channel, Consumer<String> handler) {
        subscribe(MEMBER_TOPIC + localId + "." + channel, handler, true);
    }

    @Override
    public void broadcast(String channel, String message) {
        topics.computeIfAbsent(CHANNEL_TOPIC + channel, hazelcast::<String>getTopic).publish(message);
    }

    @Override
    public void onBroadcast(String channel, Consumer<String> handler) {
        subscribe(CHANNEL_TOPIC + channel, handler, false);
    }

    @Override
    public void onMemberRemoved(Consumer<String> handler) {
        removedHandlers.add(handler);
    }

    private void subscribe(String topicName, Consumer<String> handler, boolean inline) {
        OrderedExecutor ordered = new OrderedExecutor(executor);
        MessageListener<String> listener = message -> {
            String text = message.getMessageObject();
            if (inline) {
                try {
                    handler.accept(text);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "cluster message handler failed", e);
                }
            } else {
                ordered.execute(() -> handler.accept(text));
            }
        };
        Subscription subscription = new Subscription(hazelcast.getTopic(topicName), listener);
        subscription.register();
        subscriptions.add(subscription);
    }

    @Override
    public void close() {
        for (Subscription subscription : subscriptions) {
            subscription.unregister();
        }
        for (Runnable closer : closers) {
            try {
                closer.run();
            } catch (RuntimeException e) {
                // Hazelcast already stopped with the server
            }
        }
        try {
            members.remove(hazelcast.getCluster().getLocalMember().getUuid().toString());
        } catch (RuntimeException e) {
            // Hazelcast already stopped with the server
        }
    }

    /** A listener on a topic; registered once, and again (replacing itself) after a merge. */
    private static final class Subscription {
        private final ITopic<String> topic;
        private final MessageListener<String> listener;
        private volatile UUID registration;

        Subscription(ITopic<String> topic, MessageListener<String> listener) {
            this.topic = topic;
            this.listener = listener;
        }

        synchronized void register() {
            unregister();
            registration = topic.addMessageListener(listener);
        }

        synchronized void unregister() {
            if (registration != null) {
                try {
                    topic.removeMessageListener(registration);
                } catch (RuntimeException e) {
                    // gone with the old cluster
                }
                registration = null;
            }
        }
    }
}
