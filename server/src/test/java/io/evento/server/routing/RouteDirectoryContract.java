package io.evento.server.routing;

import io.evento.protocol.frame.ComponentKind;
import io.evento.protocol.frame.MessageKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link RouteDirectory} must do. Subclasses give the directory of two members (the
 * same one twice for a one-member cluster): what one publishes, the other reads.
 */
public abstract class RouteDirectoryContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    protected RouteDirectory here;
    protected RouteDirectory there;

    protected abstract List<RouteDirectory> start();

    protected abstract void stop();

    @BeforeEach
    void open() {
        List<RouteDirectory> directories = start();
        here = directories.get(0);
        there = directories.get(1);
    }

    @AfterEach
    void close() {
        stop();
    }

    /** A bundle of this test's own (directories may serve several tests). */
    private final String bundle = "lists-" + UUID.randomUUID().toString().substring(0, 8);

    private ConnectionRoutes routes(String member, String instance, boolean enabled, long registeredAt, String payload) {
        return new ConnectionRoutes(member + "/" + UUID.randomUUID(), member, bundle, 1, instance, enabled, registeredAt,
                List.of(new ConnectionRoutes.Handler("TodoList", ComponentKind.AGGREGATE, payload, MessageKind.DOMAIN_COMMAND)));
    }

    private static String payload() {
        return "AddItem" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anEnabledConnectionPublishedByOneMemberIsACandidateForEvery() {
        // given
        String type = payload();
        ConnectionRoutes published = routes("member-a", "lists-1", true, 1, type);

        // when
        here.publish(published);

        // then
        await().atMost(WAIT).until(() -> there.candidates(type, MessageKind.DOMAIN_COMMAND).size() == 1);
        RouteTarget target = there.candidates(type, MessageKind.DOMAIN_COMMAND).get(0);
        assertThat(target.connectionKey()).isEqualTo(published.connectionKey());
        assertThat(target.component()).isEqualTo("TodoList");
        assertThat(there.candidates(type, MessageKind.SERVICE_COMMAND)).isEmpty();
    }

    @Test
    void aDisabledConnectionIsListedButNoCandidate() {
        // given
        String type = payload();
        ConnectionRoutes disabled = routes("member-a", "lists-1", false, 1, type);

        // when
        here.publish(disabled);

        // then
        await().atMost(WAIT).until(() -> there.all().stream().anyMatch(r -> r.connectionKey().equals(disabled.connectionKey())));
        assertThat(there.candidates(type, MessageKind.DOMAIN_COMMAND)).isEmpty();
    }

    @Test
    void ofTwoConnectionsOfOneBundleInstanceOnlyTheNewerIsACandidate() {
        // given
        String type = payload();
        ConnectionRoutes older = routes("member-a", "lists-1", true, 100, type);
        ConnectionRoutes newer = routes("member-b", "lists-1", true, 200, type);

        // when
        here.publish(older);
        there.publish(newer);

        // then
        await().atMost(WAIT).until(() -> here.all().size() >= 2 && there.all().size() >= 2);
        assertThat(here.candidates(type, MessageKind.DOMAIN_COMMAND)).extracting(RouteTarget::connectionKey)
                .containsExactly(newer.connectionKey());
        assertThat(there.candidates(type, MessageKind.DOMAIN_COMMAND)).extracting(RouteTarget::connectionKey)
                .containsExactly(newer.connectionKey());
    }

    @Test
    void withdrawnConnectionsAndMembersLeaveEveryMembersTable() {
        // given
        String type = payload();
        ConnectionRoutes one = routes("member-x", "lists-1", true, 1, type);
        ConnectionRoutes two = routes("member-y", "lists-2", true, 1, type);
        ConnectionRoutes three = routes("member-y", "lists-3", true, 1, type);
        here.publish(one);
        here.publish(two);
        here.publish(three);
        await().atMost(WAIT).until(() -> there.candidates(type, MessageKind.DOMAIN_COMMAND).size() == 3);

        // when
        here.withdraw(one.connectionKey());
        there.withdrawMember("member-y");

        // then
        await().atMost(WAIT).until(() -> here.candidates(type, MessageKind.DOMAIN_COMMAND).isEmpty()
                && there.candidates(type, MessageKind.DOMAIN_COMMAND).isEmpty());
    }
}
