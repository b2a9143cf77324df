package io.evento.bundle.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles a domain command in an {@link Aggregate}: returns exactly one domain event. With
 * {@code init = true} it creates the aggregate (it fails with AGGREGATE_ALREADY_EXISTS on an existing
 * one and takes no state); otherwise it takes the current state and fails with AGGREGATE_NOT_FOUND
 * or AGGREGATE_DELETED when there is none.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AggregateCommandHandler {
    boolean init() default false;

    /**
     * The context the returned events are stored in, unless the event names its own
     * ({@link io.evento.bundle.api.ContextualEvent}); empty: {@code default}.
     */
    String context() default "";
}
