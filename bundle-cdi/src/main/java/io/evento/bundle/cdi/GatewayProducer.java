package io.evento.bundle.cdi;

import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.api.QueryGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;

/**
 * {@code @Inject CommandGateway} and {@code @Inject QueryGateway} anywhere in the application; a
 * component's gateways send as that component (the server's catalog and telemetry show who sends what).
 */
@ApplicationScoped
public class GatewayProducer {

    private BundleLifecycle lifecycle;
    private EventoExtension extension;

    protected GatewayProducer() {
        // for the CDI client proxy
    }

    @Inject
    public GatewayProducer(BundleLifecycle lifecycle, EventoExtension extension) {
        this.lifecycle = lifecycle;
        this.extension = extension;
    }

    @Produces
    @Dependent
    CommandGateway commandGateway(InjectionPoint point) {
        return new DeferredGateway(lifecycle, componentOf(point));
    }

    @Produces
    @Dependent
    QueryGateway queryGateway(InjectionPoint point) {
        return new DeferredGateway(lifecycle, componentOf(point));
    }

    private Class<?> componentOf(InjectionPoint point) {
        if (point == null || point.getBean() == null) {
            return null;
        }
        Class<?> type = point.getBean().getBeanClass();
        return extension.isComponent(type) ? type : null;
    }
}
