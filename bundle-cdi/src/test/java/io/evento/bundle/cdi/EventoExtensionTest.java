package io.evento.bundle.cdi;

import io.evento.bundle.cdi.app.CounterAggregate;
import io.evento.bundle.cdi.app.Greeter;
import io.evento.bundle.cdi.bad.BrokenAggregate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The extension's decisions, with the container's events as fakes (the Arquillian IT runs it in Payara Micro). */
class EventoExtensionTest {

    /** What the container would see of one discovered type, and what the extension added to it. */
    private static final class Discovered {
        final List<Annotation> added = new ArrayList<>();
        final ProcessAnnotatedType<?> event;

        Discovered(Class<?> type) {
            AnnotatedTypeConfigurator<?> configurator = proxy(AnnotatedTypeConfigurator.class, (method, args) -> {
                if (method.equals("add")) {
                    added.add((Annotation) args[0]);
                }
                return null;
            });
            AnnotatedType<?> annotated = proxy(AnnotatedType.class, (method, args) -> switch (method) {
                case "getJavaClass" -> type;
                case "getAnnotations" -> Set.of(type.getAnnotations());
                default -> null;
            });
            event = proxy(ProcessAnnotatedType.class, (method, args) -> switch (method) {
                case "getAnnotatedType" -> annotated;
                case "configureAnnotatedType" -> configurator;
                default -> null;
            });
        }
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> answer.answer(method.getName(), args));
    }

    private static List<Throwable> validate(EventoExtension extension) {
        List<Throwable> errors = new ArrayList<>();
        extension.validate(proxy(AfterBeanDiscovery.class, (method, args) -> {
            if (method.equals("addDefinitionError")) {
                errors.add((Throwable) args[0]);
            }
            return null;
        }));
        return errors;
    }

    @Nested
    class AComponent {
        @Test
        void withoutAScopeBecomesASingletonAndIsChecked() {
            // given
            EventoExtension extension = new EventoExtension();
            Discovered aggregate = new Discovered(CounterAggregate.class);
            // when
            extension.component(aggregate.event);
            // then
            assertThat(aggregate.added).singleElement().satisfies(a -> assertThat(a.annotationType()).isEqualTo(jakarta.inject.Singleton.class));
            assertThat(extension.components()).containsExactly(CounterAggregate.class);
            assertThat(validate(extension)).isEmpty();
        }

        @Test
        void withABadHandlerIsADefinitionErrorNamingTheMethod() {
            // given
            EventoExtension extension = new EventoExtension();
            // when
            extension.component(new Discovered(BrokenAggregate.class).event);
            // then
            assertThat(validate(extension)).singleElement().satisfies(e -> assertThat(e.getMessage())
                    .contains("Evento: invalid components").contains("handlesNothing"));
        }
    }

    @Nested
    class AnotherBean {
        @Test
        void isLeftAlone() {
            // given
            EventoExtension extension = new EventoExtension();
            Discovered greeter = new Discovered(Greeter.class);
            // when
            extension.component(greeter.event);
            // then
            assertThat(greeter.added).isEmpty();
            assertThat(extension.components()).isEmpty();
            assertThat(Greeter.class.isAnnotationPresent(ApplicationScoped.class)).isTrue();
        }
    }
}
