package io.evento.server.cluster.standalone;

import io.evento.server.cluster.ClusterMessaging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Messaging of a one-member cluster: everything is delivered locally, asynchronously. */
public final class LocalMessaging implements ClusterMessaging {

    private final String memberId;
    private final Executor executor;
    private final List<Consumer<String>> direct = new CopyOnWriteArrayList<>();
    private final Map<String, List<Consumer<String>>> channels = new ConcurrentHashMap<>();

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
    public void send(String target, String message) {
        if (memberId.equals(target)) {
            direct.forEach(handler -> executor.execute(() -> handler.accept(message)));
        }
    }

    @Override
    public void onDirect(Consumer<String> handler) {
        direct.add(handler);
    }

    @Override
    public void broadcast(String channel, String message) {
        channels.getOrDefault(channel, List.of()).forEach(handler -> executor.execute(() -> handler.accept(message)));
    }

    @Override
    public void onBroadcast(String channel, Consumer<String> handler) {
        channels.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
    }

    @Override
    public void onMemberRemoved(Consumer<String> handler) {
        // a one-member cluster never sees another member leave
    }
}
