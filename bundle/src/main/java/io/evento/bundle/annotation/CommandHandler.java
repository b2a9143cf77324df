package io.evento.bundle.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Handles a service command in a {@link Service}. Returns a service event or nothing. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CommandHandler {

    /**
     * The context the returned event is stored in, unless the event names its own
     * ({@link io.evento.bundle.api.ContextualEvent}); empty: {@code default}.
     */
    String context() default "";
}
