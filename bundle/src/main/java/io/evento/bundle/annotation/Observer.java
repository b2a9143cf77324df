package io.evento.bundle.annotation;

import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An observer: side effects on events (notifications, integrations); starts from the head of the stream. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Stereotype
public @interface Observer {
    int version() default 1;

    /**
     * The event contexts read: {@code *} every context, {@code name*} every context starting with
     * {@code name}, otherwise exactly that one. Each pattern is a consumer of its own (its own consumer
     * id, position and dead events), so {@code {"eu*", "us"}} reads both in two consumers.
     */
    String[] context() default {"*"};

    String description() default "";
}
