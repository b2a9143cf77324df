package io.evento.server.routing;

import io.evento.server.cluster.ClusterMessaging;
import io.evento.server.cluster.ExecutorHolder;
import io.evento.server.command.CommandExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Wires the origin side of requests: settings from MicroProfile Config, deadlines checked every {@value #SWEEP_MILLIS} ms. */
@ApplicationScoped
public class RoutingProducer {

    static final long SWEEP_MILLIS = 50;

    @Produces
    @Singleton
    RoutingSettings settings() {
        Config config = ConfigProvider.getConfig();
        RoutingSettings defaults = RoutingSettings.defaults();
        return new RoutingSettings(
                Duration.ofMillis(config.getOptionalValue("evento.bus.timeout.default.millis", Long.class).orElse(defaults.defaultTimeout().toMillis())),
                Duration.ofMillis(config.getOptionalValue("evento.bus.timeout.max.millis", Long.class).orElse(defaults.maxTimeout().toMillis())),
                config.getOptionalValue("evento.bus.max.inflight.server", Integer.class).orElse(defaults.maxInFlight()),
                defaults.maxAttempts(), defaults.redispatchPause(), defaults.rememberedAnswers(), defaults.rememberFor());
    }

    @Produces
    @Singleton
    RequestRouter router(RouteDirectory routes, CommandExecutor executor, ClusterMessaging messaging, RoutingSettings settings,
                         ExecutorHolder executors, RequestRecorder recorder) {
        RequestRouter router = new RequestRouter(routes, executor, messaging.localMemberId(), settings, executors::later,
                System::currentTimeMillis, recorder);
        executors.scheduler().scheduleWithFixedDelay(() -> executors.executor().execute(router::expireDue), SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        return router;
    }
}
