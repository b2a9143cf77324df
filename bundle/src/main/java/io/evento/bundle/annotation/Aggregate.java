package io.evento.bundle.annotation;

import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An aggregate: handles domain commands on a state rebuilt from its events. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Stereotype
public @interface Aggregate {
    /** Save a snapshot every this many events (0: never). */
    int snapshotFrequency() default 10;

    /** Description for the catalog. */
    String description() default "";
}
