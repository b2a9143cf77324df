package io.evento.server.cluster.standalone;

import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.cluster.OrderedExecutor;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Messaging of a one-member cluster: everything is delivered locally, asynchronously, in order per channel. */
public final class LocalMessaging implements ClusterMessaging {

    private final String memberId;
    private final Executor executor;
    private final Map<String, List<Subscription>> direct = new ConcurrentHashMap<>();
    private final Map<String, List<Subscription>> channels = new ConcurrentHashMap<>();

    public LocalMessaging(String memberId, Executor executor) {
        this.memberId = memberId;
        this.executor = executor;
    }

    @Override
    public String localMemberId() {
        return memberId;
    }

    @Override
    public Set<String> memberIds() {
        return Set.of(memberId);
    }

    @Override
    public void send(String target, String channel, String message) {
        if (memberId.equals(target)) {
            direct.getOrDefault(channel, List.of()).forEach(s -> s.deliver(message));
        }
    }

    @Override
    public void onDirect(String channel, Consumer<String> handler) {
        direct.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(new Subscription(handler, new OrderedExecutor(executor)));
    }

    @Override
    public void broadcast(String channel, String message) {
        channels.getOrDefault(channel, List.of()).forEach(s -> s.deliver(message));
    }

    @Override
    public void onBroadcast(String channel, Consumer<String> handler) {
        channels.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(new Subscription(handler, new OrderedExecutor(executor)));
    }

    @Override
    public void onMemberRemoved(Consumer<String> handler) {
        // a one-member cluster never sees another member leave
    }

    private record Subscription(Consumer<String> handler, Executor executor) {
        void deliver(String message) {
            executor.execute(() -> handler.accept(message));
        }
    }
}
