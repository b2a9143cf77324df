package io.evento.server.cluster;

import io.evento.server.cluster.hazelcast.HazelcastMessaging;
import io.evento.server.testing.EmbeddedHazelcast;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The messaging contract on two embedded Hazelcast members (loopback recipe, one cluster for the class), plus member departures. */
class HazelcastMessagingTest extends ClusterMessagingContract {

    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(8);
    private static EmbeddedHazelcast cluster;
    private static List<ClusterMessaging> members;

    @Override
    protected List<ClusterMessaging> start() {
        if (cluster == null) {
            cluster = EmbeddedHazelcast.start(2);
            members = List.of(new HazelcastMessaging(cluster.member(0), EXECUTOR), new HazelcastMessaging(cluster.member(1), EXECUTOR));
        }
        return members;
    }

    @Override
    protected void stop() {
        // the cluster serves every test of the class
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        EXECUTOR.shutdownNow();
    }

    @Test
    void aMemberKeepsItsOwnIdNotHazelcastsUuid() {
        // then: the ids are the processes' own, and every member knows every other one's
        assertThat(sender.localMemberId()).isNotEqualTo(cluster.member(0).getCluster().getLocalMember().getUuid().toString());
        await().atMost(WAIT).until(() -> sender.memberIds().containsAll(Set.of(sender.localMemberId(), receiver.localMemberId())));
    }

    @Test
    void aMemberThatCrashesIsReportedGone() {
        // given: a cluster of its own
        try (EmbeddedHazelcast own = EmbeddedHazelcast.start(2)) {
            HazelcastMessaging staying = new HazelcastMessaging(own.member(0), EXECUTOR);
            HazelcastMessaging leaving = new HazelcastMessaging(own.member(1), EXECUTOR);
            String crashed = leaving.localMemberId();
            await().atMost(WAIT).until(() -> staying.memberIds().contains(crashed));
            List<String> gone = new CopyOnWriteArrayList<>();
            staying.onMemberRemoved(gone::add);

            // when
            own.crash(1);

            // then
            await().atMost(WAIT).until(() -> gone.contains(crashed));
            await().atMost(WAIT).until(() -> !staying.memberIds().contains(crashed));
        }
    }
}
