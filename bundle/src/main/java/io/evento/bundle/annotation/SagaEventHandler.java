package io.evento.bundle.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles an event in a {@link Saga}: {@code State on(Event e, State s, ...)} returns the new
 * state (one whose {@code ended()} is true ends the saga instance). The instance is the one
 * associated with the value of {@link #associationProperty()} in the event; {@code init = true}
 * starts a new instance (the state parameter is then null).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SagaEventHandler {
    String associationProperty();

    boolean init() default false;

    int retries() default 3;

    long retryDelayMillis() default 100;
}
