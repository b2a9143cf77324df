package io.evento.bundle.annotation;

import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A projector: builds read models from events, from the start of the stream. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Stereotype
public @interface Projector {
    /** Part of the consumer id: a new version replays from the start. */
    int version() default 1;

    /**
     * The event contexts read: {@code *} every context, {@code name*} every context starting with
     * {@code name}, otherwise exactly that one. Each pattern is a consumer of its own (its own consumer
     * id, position and dead events), so {@code {"eu*", "us"}} reads both in two consumers.
     */
    String[] context() default {"*"};

    /** Description for the catalog. */
    String description() default "";
}
