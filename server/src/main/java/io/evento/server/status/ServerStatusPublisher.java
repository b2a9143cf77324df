package io.evento.server.status;

import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.cluster.ClusterView;
import io.evento.server.cluster.ExecutorHolder;
import io.evento.server.cluster.PublicUrl;
import io.evento.server.config.ServerSettings;
import io.evento.server.connection.LocalConnections;
import io.evento.server.database.DatabaseStatus;
import io.evento.server.command.Invocations;
import io.evento.server.routing.RequestRouter;
import io.evento.server.status.jpa.ServerStatusStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Publishes this instance's status every {@value #PERIOD_SECONDS} s. */
@ApplicationScoped
public class ServerStatusPublisher {

    static final long PERIOD_SECONDS = 5;
    private static final System.Logger LOG = System.getLogger(ServerStatusPublisher.class.getName());

    private ServerStatusStore store;
    private ServerSettings settings;
    private ClusterMessaging messaging;
    private PublicUrl url;
    private LocalConnections connections;
    private RequestRouter router;
    private Invocations invocations;
    private DatabaseStatus database;
    private ExecutorHolder executors;
    private ScheduledFuture<?> task;

    protected ServerStatusPublisher() {
        // for the CDI client proxy
    }

    @Inject
    public ServerStatusPublisher(ServerStatusStore store, ServerSettings settings, ClusterMessaging messaging, PublicUrl url,
                                 LocalConnections connections, RequestRouter router, Invocations invocations, DatabaseStatus database, ExecutorHolder executors) {
        this.store = store;
        this.settings = settings;
        this.messaging = messaging;
        this.url = url;
        this.connections = connections;
        this.router = router;
        this.invocations = invocations;
        this.database = database;
        this.executors = executors;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, ClusterView cluster) {
        task = executors.scheduler().scheduleWithFixedDelay(() -> executors.executor().execute(this::publish), 1, PERIOD_SECONDS,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** This instance now. */
    public ServerStatus now() {
        return new ServerStatus(messaging.localMemberId(), settings.instanceId(), url.get().orElse(null),
                database.migrated() && database.problem().isEmpty(), connections.all().size(), router.inFlight(),
                invocations.inFlight(), Instant.now());
    }

    private volatile boolean failing;

    void publish() {
        if (!database.migrated()) {
            return;
        }
        try {
            store.publish(now());
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.log(System.Logger.Level.WARNING, "status not published (again every " + PERIOD_SECONDS + " s; logged once until it works): "
                        + e.getMessage());
            }
            failing = true;
        }
    }
}
