package io.evento.server.cluster;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link ClusterMessaging} must do. Subclasses give two members' messaging (the same
 * one twice for a one-member cluster).
 */
public abstract class ClusterMessagingContract {

    protected static final Duration WAIT = Duration.ofSeconds(20);

    protected ClusterMessaging sender;
    protected ClusterMessaging receiver;

    /** Starts the cluster; returns the messaging of the sending and the receiving member. */
    protected abstract List<ClusterMessaging> start();

    protected abstract void stop();

    @BeforeEach
    void open() {
        List<ClusterMessaging> members = start();
        sender = members.get(0);
        receiver = members.get(1);
    }

    @AfterEach
    void close() {
        stop();
    }

    @Test
    void directMessagesArriveInTheOrderSentOnTheirChannelOnly() {
        // given
        List<String> commands = new CopyOnWriteArrayList<>();
        List<String> others = new CopyOnWriteArrayList<>();
        String channel = unique("commands");
        receiver.onDirect(channel, commands::add);
        receiver.onDirect(unique("others"), others::add);
        List<String> sent = new ArrayList<>();

        // when
        for (int i = 0; i < 500; i++) {
            sent.add("m" + i);
            sender.send(receiver.localMemberId(), channel, "m" + i);
        }

        // then
        await().atMost(WAIT).until(() -> commands.size() == 500);
        assertThat(commands).containsExactlyElementsOf(sent);
        assertThat(others).isEmpty();
    }

    @Test
    void nonBlockingHandlersGetTheMessagesInTheOrderSentToo() {
        // given
        List<String> received = new CopyOnWriteArrayList<>();
        String channel = unique("inline");
        receiver.onDirectNonBlocking(channel, received::add);
        List<String> sent = new ArrayList<>();

        // when
        for (int i = 0; i < 300; i++) {
            sent.add("n" + i);
            sender.send(receiver.localMemberId(), channel, "n" + i);
        }

        // then
        await().atMost(WAIT).until(() -> received.size() == 300);
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void aBroadcastReachesEveryMember() {
        // given
        List<String> atSender = new CopyOnWriteArrayList<>();
        List<String> atReceiver = new CopyOnWriteArrayList<>();
        String channel = unique("wake");
        sender.onBroadcast(channel, atSender::add);
        if (receiver != sender) {
            receiver.onBroadcast(channel, atReceiver::add);
        }

        // when
        sender.broadcast(channel, "head 7");

        // then
        await().atMost(WAIT).until(() -> atSender.contains("head 7"));
        if (receiver != sender) {
            await().atMost(WAIT).until(() -> atReceiver.contains("head 7"));
        }
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void knowsItsMembers() {
        // then (member ids are replicated asynchronously between members)
        await().atMost(WAIT).untilAsserted(() -> assertThat(sender.memberIds())
                .contains(sender.localMemberId(), receiver.localMemberId()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(receiver.memberIds())
                .contains(sender.localMemberId(), receiver.localMemberId()));
    }
}
