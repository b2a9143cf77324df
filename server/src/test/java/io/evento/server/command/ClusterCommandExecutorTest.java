package io.evento.server.command;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.frame.Failure;
import io.evento.protocol.frame.InvokeDomainCommand;
import io.evento.protocol.frame.InvokeServiceCommand;
import io.evento.protocol.frame.MessageKind;
import io.evento.protocol.frame.SendCommand;
import io.evento.protocol.json.RawJson;
import io.evento.server.cluster.hazelcast.HazelcastMessaging;
import io.evento.server.routing.RoutingSettings;
import io.evento.server.routing.local.LocalRouteDirectory;
import io.evento.server.store.memory.InMemoryEventStore;
import io.evento.server.testing.EmbeddedHazelcast;
import io.evento.server.testing.FakeBundle;
import io.evento.server.testing.FakeHandlers;
import io.evento.server.testing.ServerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The executor contract against the cluster implementation over two embedded Hazelcast members:
 * the origin's executor on member A, the target connections on member B. Plus what happens when
 * the target member crashes mid-execution.
 */
class ClusterCommandExecutorTest extends CommandExecutorContract {

    private static final ExecutorService THREADS = Executors.newCachedThreadPool();
    private static EmbeddedHazelcast cluster;
    private static ServerNode originNode;
    private static ServerNode targetNode;

    @Override
    protected void start() {
        if (cluster == null) {
            cluster = EmbeddedHazelcast.start(2);
            InMemoryEventStore store = new InMemoryEventStore();
            originNode = new ServerNode(new LocalRouteDirectory(), new HazelcastMessaging(cluster.member(0), THREADS), store, clock,
                    CommandSettings.defaults(), RoutingSettings.defaults());
            targetNode = new ServerNode(new LocalRouteDirectory(), new HazelcastMessaging(cluster.member(1), THREADS), store, clock,
                    CommandSettings.defaults(), RoutingSettings.defaults());
        }
        target = targetNode;
        executor = originNode.executor;
        origin = originNode.memberId;
    }

    @Override
    protected void stop() {
        // one cluster for the class
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            originNode.close();
            targetNode.close();
            cluster.close();
        }
    }

    @Nested
    class WhenTheTargetMemberCrashes {

        @Test
        void aDomainCommandIsDispatchedAgainAndAServiceCommandIsIndeterminate() throws Exception {
            // given: a cluster of its own, both invocations waiting on member B
            try (EmbeddedHazelcast own = EmbeddedHazelcast.start(2)) {
                InMemoryEventStore store = new InMemoryEventStore();
                ServerNode a = new ServerNode(new LocalRouteDirectory(), new HazelcastMessaging(own.member(0), THREADS), store, clock,
                        CommandSettings.defaults(), RoutingSettings.defaults());
                ServerNode b = new ServerNode(new LocalRouteDirectory(), new HazelcastMessaging(own.member(1), THREADS), store, clock,
                        CommandSettings.defaults(), RoutingSettings.defaults());
                FakeBundle bundle = b.bundle("lists", "lists-1", List.of(FakeHandlers.aggregate("TodoList", "AddItem"),
                        FakeHandlers.service("Mailer", "SendMail")), 0, frame -> null);
                SendCommand domain = new SendCommand(UUID.randomUUID().toString(), MessageKind.DOMAIN_COMMAND, "AddItem", RawJson.of("{}"),
                        null, "list-1", null, 10_000, "Api");
                SendCommand service = new SendCommand(UUID.randomUUID().toString(), MessageKind.SERVICE_COMMAND, "SendMail", RawJson.of("{}"),
                        null, null, null, 10_000, "Api");
                CompletableFuture<ExecutionOutcome> domainOutcome = a.executor.execute(new Execution("api/d#1", "api/d", a.memberId,
                        b.memberId, bundle.connection().connectionKey(), "TodoList", domain, clock.getAsLong() + 10_000));
                CompletableFuture<ExecutionOutcome> serviceOutcome = a.executor.execute(new Execution("api/s#1", "api/s", a.memberId,
                        b.memberId, bundle.connection().connectionKey(), "Mailer", service, clock.getAsLong() + 10_000));
                await().atMost(WAIT).until(() -> bundle.channel().frames(InvokeDomainCommand.class).size() == 1
                        && bundle.channel().frames(InvokeServiceCommand.class).size() == 1);

                // when
                own.crash(1);

                // then
                assertThat(domainOutcome.get(20, java.util.concurrent.TimeUnit.SECONDS).redispatch()).isTrue();
                Failure failure = (Failure) serviceOutcome.get(20, java.util.concurrent.TimeUnit.SECONDS).result();
                assertThat(failure.code()).isEqualTo(ErrorCode.TIMEOUT_INDETERMINATE.name());
                assertThat(failure.correlationId()).isEqualTo(service.id());
                a.close();
                b.close();
            }
        }
    }
}
