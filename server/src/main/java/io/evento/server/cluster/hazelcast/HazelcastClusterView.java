package io.evento.server.cluster.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.evento.server.cluster.ClusterMember;
import io.evento.server.cluster.ClusterView;
import io.evento.server.cluster.PublicUrl;
import io.evento.server.config.ServerSettings;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Cluster members from Payara's Hazelcast. Each instance publishes its member id, Evento instance
 * id and HTTP URL in the {@value #MEMBERS_MAP} map under its Hazelcast UUID (again after a
 * split-brain merge, which gives it a new one); a departed member's entry is removed by the
 * survivors. The member id is the process's own, fixed for its life (see {@link HazelcastMessaging}). Values are plain {@code HashMap<String, String>} so that Hazelcast
 * never needs an application class to read them.
 */
public final class HazelcastClusterView implements ClusterView, AutoCloseable {

    static final String MEMBERS_MAP = "evento.members";
    private static final String INSTANCE_ID = "instanceId";
    private static final String MEMBER_ID = "memberId";
    private static final String HTTP_URL = "httpUrl";

    private final HazelcastInstance hazelcast;
    private final ServerSettings settings;
    private final PublicUrl publicUrl;
    private final IMap<String, HashMap<String, String>> cards;
    private final UUID listener;
    private final UUID lifecycle;
    private final String memberId;

    HazelcastClusterView(HazelcastInstance hazelcast, String memberId, ServerSettings settings, PublicUrl publicUrl) {
        this.hazelcast = hazelcast;
        this.memberId = memberId;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.cards = hazelcast.getMap(MEMBERS_MAP);
        this.listener = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // a new member publishes its own card
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                cards.removeAsync(event.getMember().getUuid().toString());
            }
        });
        this.lifecycle = hazelcast.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.MERGED) {
                publish();
            }
        });
        publish();
        publicUrl.whenLearned(this::publish);
    }

    private void publish() {
        HashMap<String, String> card = new HashMap<>();
        card.put(INSTANCE_ID, settings.instanceId());
        card.put(MEMBER_ID, memberId);
        publicUrl.get().ifPresent(url -> card.put(HTTP_URL, url));
        cards.set(localId(), card);
    }

    private String localId() {
        return hazelcast.getCluster().getLocalMember().getUuid().toString();
    }

    @Override
    public ClusterMember self() {
        return toMember(hazelcast.getCluster().getLocalMember(), Map.of(
                INSTANCE_ID, settings.instanceId(), MEMBER_ID, memberId, HTTP_URL, publicUrl.get().orElse("")));
    }

    @Override
    public List<ClusterMember> members() {
        Map<String, HashMap<String, String>> all = cards.getAll(cards.keySet());
        return hazelcast.getCluster().getMembers().stream()
                .map(member -> toMember(member, all.getOrDefault(member.getUuid().toString(), new HashMap<>())))
                .sorted(Comparator.comparing(ClusterMember::memberId))
                .toList();
    }

    private ClusterMember toMember(Member member, Map<String, String> card) {
        String url = card.get(HTTP_URL);
        return new ClusterMember(card.getOrDefault(MEMBER_ID, member.getUuid().toString()), card.get(INSTANCE_ID),
                member.getAddress().getHost() + ":" + member.getAddress().getPort(),
                url == null || url.isEmpty() ? null : url, member.localMember());
    }

    @Override
    public String kind() {
        return "hazelcast";
    }

    @Override
    public void close() {
        try {
            hazelcast.getCluster().removeMembershipListener(listener);
            hazelcast.getLifecycleService().removeLifecycleListener(lifecycle);
            cards.remove(localId());
        } catch (RuntimeException e) {
            // Hazelcast already shut down with the server: nothing left to clean
        }
    }
}
