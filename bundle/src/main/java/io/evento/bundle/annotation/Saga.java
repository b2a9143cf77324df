package io.evento.bundle.annotation;

import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A saga: keeps consistency across aggregates by reacting to events and sending commands; starts from the head of the stream. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Stereotype
public @interface Saga {
    int version() default 1;

    /**
     * The event contexts read: {@code *} every context, {@code name*} every context starting with
     * {@code name}, otherwise exactly that one. Each pattern is a consumer of its own (its own consumer
     * id, position and dead events, and saga instances), so {@code {"eu*", "us"}} reads both in two consumers.
     */
    String[] context() default {"*"};

    String description() default "";
}
