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

    /** The event context read ({@code *}: all). */
    String context() default "*";

    /** Description for the catalog. */
    String description() default "";
}
