package io.evento.bundle.cdi;

import io.evento.bundle.annotation.Aggregate;
import io.evento.bundle.annotation.Invoker;
import io.evento.bundle.annotation.Observer;
import io.evento.bundle.annotation.Projection;
import io.evento.bundle.annotation.Projector;
import io.evento.bundle.annotation.Saga;
import io.evento.bundle.annotation.Service;
import io.evento.bundle.model.ComponentModel;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.literal.SingletonLiteral;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Scope;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Finds the deployment's Evento components ({@code @Aggregate}, {@code @Projector},
 * {@code @Projection}, {@code @Service}, {@code @Saga}, {@code @Observer}, {@code @Invoker}; each
 * is a CDI stereotype, so they are beans in an {@code annotated} bean archive too), makes those
 * without a scope singletons (one instance for the bundle and for everything that injects it), and
 * checks them as the bundle would at start: a bad handler fails the deployment with a message
 * naming the method.
 */
public class EventoExtension implements Extension {

    static final List<Class<? extends Annotation>> COMPONENT_ANNOTATIONS = List.of(Aggregate.class, Projector.class, Projection.class,
            Service.class, Saga.class, Observer.class, Invoker.class);

    private final List<Class<?>> components = new CopyOnWriteArrayList<>();

    <T> void component(@Observes @WithAnnotations({Aggregate.class, Projector.class, Projection.class, Service.class, Saga.class,
            Observer.class, Invoker.class}) ProcessAnnotatedType<T> type) {
        Class<T> javaClass = type.getAnnotatedType().getJavaClass();
        if (COMPONENT_ANNOTATIONS.stream().noneMatch(javaClass::isAnnotationPresent)) {
            return;
        }
        components.add(javaClass);
        boolean scoped = type.getAnnotatedType().getAnnotations().stream().map(Annotation::annotationType)
                .anyMatch(a -> a.isAnnotationPresent(NormalScope.class) || a.isAnnotationPresent(Scope.class));
        if (!scoped) {
            type.configureAnnotatedType().add(SingletonLiteral.INSTANCE);
        }
    }

    void validate(@Observes AfterBeanDiscovery discovery) {
        try {
            ComponentModel.of(components);
        } catch (RuntimeException e) {
            discovery.addDefinitionError(new DeploymentException("Evento: " + e.getMessage(), e));
        }
    }

    /** The components found, in discovery order. */
    public List<Class<?>> components() {
        return List.copyOf(components);
    }

    boolean isComponent(Class<?> type) {
        return components.contains(type);
    }
}
