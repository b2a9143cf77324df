package io.evento.server.telemetry;

import io.evento.protocol.frame.ConsumerReport;
import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.cluster.ExecutorHolder;
import io.evento.server.connection.ConsumerReported;
import io.evento.server.database.DatabaseStatus;
import io.evento.server.telemetry.jpa.TelemetryStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes this instance's telemetry buckets to the database every {@value #PUBLISH_SECONDS} s (a
 * minute's row is rewritten until the minute is over), forgets published minutes, prunes rows
 * older than {@value #KEEP_DAYS} days, and adds the consumer handler timings bundles report.
 */
@ApplicationScoped
public class TelemetryPublisher {

    static final long PUBLISH_SECONDS = 5;
    static final long KEEP_DAYS = 7;
    private static final System.Logger LOG = System.getLogger(TelemetryPublisher.class.getName());

    private HandlerTelemetry telemetry;
    private TelemetryStore store;
    private DatabaseStatus database;
    private ClusterMessaging messaging;
    private ExecutorHolder executors;
    private ScheduledFuture<?> task;
    private long prunedMinute;

    protected TelemetryPublisher() {
        // for the CDI client proxy
    }

    @Inject
    public TelemetryPublisher(HandlerTelemetry telemetry, TelemetryStore store, DatabaseStatus database, ClusterMessaging messaging,
                              ExecutorHolder executors) {
        this.telemetry = telemetry;
        this.store = store;
        this.database = database;
        this.messaging = messaging;
        this.executors = executors;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        task = executors.scheduler().scheduleWithFixedDelay(() -> executors.executor().execute(this::publish), PUBLISH_SECONDS,
                PUBLISH_SECONDS, TimeUnit.SECONDS);
    }

    /** A bundle's consumer handler timings join this instance's telemetry. */
    void reported(@ObservesAsync ConsumerReported reported) {
        for (ConsumerReport.HandlerTiming timing : reported.report().timings()) {
            telemetry.recorded(new HandlerKey(reported.connection().bundleId(), timing.component(), timing.payloadType()),
                    timing.invocations(), timing.failures(), timing.totalMillis(), timing.maxMillis());
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        publish();
    }

    synchronized void publish() {
        if (!database.migrated()) {
            return;
        }
        try {
            long minute = telemetry.minute();
            store.publish(messaging.localMemberId(), telemetry.counts(), telemetry.sends());
            telemetry.forgetBefore(minute - 1);
            if (minute - prunedMinute > 60) {
                store.prune(minute - KEEP_DAYS * 24 * 60);
                prunedMinute = minute;
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "telemetry not published (kept for the next attempt): " + e.getMessage());
        }
    }
}
