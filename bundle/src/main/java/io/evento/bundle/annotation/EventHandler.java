package io.evento.bundle.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles an event in a {@link Projector} or {@link Observer}. A failing handler is retried
 * {@link #retries()} times, {@link #retryDelayMillis()} apart (doubling); then the event goes to the
 * consumer's dead event queue and the consumer moves on.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EventHandler {
    int retries() default 3;

    long retryDelayMillis() default 100;
}
