package io.evento.bundle.cdi;

import io.evento.bundle.EventoBundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the bundle ({@code evento-bundle}): up while it runs connected to a server and
 * every consumer it runs has caught up with the stream; the data say which server and how many
 * consumers are behind.
 */
@Readiness
@ApplicationScoped
public class BundleHealth implements HealthCheck {

    private BundleLifecycle lifecycle;

    protected BundleHealth() {
        // for the CDI client proxy
    }

    @Inject
    public BundleHealth(BundleLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("evento-bundle");
        if (!lifecycle.running()) {
            return response.down().withData("running", false).build();
        }
        EventoBundle bundle = lifecycle.bundle();
        String server = bundle.connection().currentServer();
        long behind = bundle.consumers().stream().filter(c -> c.ownsLease() && !c.caughtUp()).count();
        return response.status(server != null && behind == 0).withData("running", true).withData("instance", bundle.instanceId())
                .withData("server", server == null ? "none" : server).withData("consumersBehind", behind).build();
    }
}
