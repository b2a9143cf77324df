package io.evento.server.command;

import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.cluster.ExecutorHolder;
import io.evento.server.connection.Corked;
import io.evento.server.connection.LocalConnections;
import io.evento.server.feed.EventNotifier;
import io.evento.server.store.AppendCompletion;
import io.evento.server.store.EventStoreAccess;
import io.evento.server.telemetry.HandlerTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.concurrent.TimeUnit;

/**
 * Wires command execution: the settings from MicroProfile Config, the invocations waiting for
 * bundles (their deadlines checked every {@value #SWEEP_MILLIS} ms), the local and the cluster
 * executor. The cluster executor serves other members' executions from the application's start.
 */
@ApplicationScoped
public class CommandProducer {

    static final long SWEEP_MILLIS = 50;

    @Produces
    @Singleton
    CommandSettings settings() {
        Config config = ConfigProvider.getConfig();
        CommandSettings defaults = CommandSettings.defaults();
        return new CommandSettings(
                config.getOptionalValue("evento.bus.conflict.retries", Integer.class).orElse(defaults.conflictRetries()),
                config.getOptionalValue("evento.bus.max.inflight.connection", Integer.class).orElse(defaults.maxInFlightPerConnection()),
                config.getOptionalValue("evento.bus.aggregate.cache.max", Integer.class).orElse(defaults.maxCachedAggregates()),
                config.getOptionalValue("evento.bus.remembered.requests", Integer.class).orElse(defaults.rememberedRequests()),
                defaults.rememberMillis());
    }

    @Produces
    @Singleton
    Invocations invocations(HandlerTelemetry telemetry, CommandSettings settings, ExecutorHolder executors) {
        Invocations invocations = new Invocations(telemetry, settings.maxInFlightPerConnection(), System::currentTimeMillis);
        executors.scheduler().scheduleWithFixedDelay(() -> executors.executor().execute(invocations::expireDue), SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        return invocations;
    }

    @Produces
    @Singleton
    @Typed(LocalCommandExecutor.class)
    LocalCommandExecutor local(LocalConnections connections, EventStoreAccess store, Invocations invocations, EventNotifier notifier,
                               ExecutorHolder executors, CommandSettings settings) {
        return LocalCommandExecutor.create(connections, store::get, invocations, executors.executor(), notifier::stored, settings,
                System::currentTimeMillis);
    }

    @Produces
    @Singleton
    @Typed(CommandExecutor.class)
    CommandExecutor executor(ClusterMessaging messaging, LocalCommandExecutor local) {
        return new ClusterCommandExecutor(messaging, local);
    }

    /** Appends complete on the worker pool, one task per committed batch, whose answers leave together per connection. */
    @Produces
    @Singleton
    AppendCompletion appendCompletion(ExecutorHolder executors) {
        return task -> executors.executor().execute(() -> Corked.run(task));
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, CommandExecutor executor) {
        // observing creates the executor: it listens for other members' executions from now on
    }
}
