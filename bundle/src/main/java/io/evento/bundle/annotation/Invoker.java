package io.evento.bundle.annotation;

import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An invoker: sends commands and queries (the entry point, e.g. behind a REST API). Create it with {@code bundle.invoker(Type.class)}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Stereotype
public @interface Invoker {
    String description() default "";
}
