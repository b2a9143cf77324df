package io.evento.bundle.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Applies a domain event to an aggregate's state: {@code State on(Event e, State s)}, or {@code State on(Event e)} for the first event. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EventSourcingHandler {

}
