package io.evento.bundle.annotation;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an invoker method (or every method of an invoker) where a trace starts: the method runs as
 * one handler execution of the bundle's tracing agent and interceptors, and every command and query
 * it sends is caused by it and shares its correlation. In a CDI application the bundle-cdi
 * extension's interceptor does this for calls through the bean; in plain Java wrap the call in
 * {@code EventoBundle.track(...)}.
 */
@InterceptorBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Track {
}
