package io.evento.bundle.cdi;

import io.evento.bundle.annotation.Track;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Makes a {@code @Track} method a tracked entry point of the bundle: it runs as one handler
 * execution (tracing agent and interceptors around it), and the commands and queries it sends
 * share its correlation. Before the bundle runs, the method just runs.
 */
@Track
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class TrackInterceptor {

    private final BundleLifecycle lifecycle;

    @Inject
    public TrackInterceptor(BundleLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @AroundInvoke
    public Object track(InvocationContext invocation) throws Exception {
        if (!lifecycle.running()) {
            return invocation.proceed();
        }
        return lifecycle.bundle().track(invocation.getMethod().getDeclaringClass(), invocation.getMethod().getName(), invocation::proceed);
    }
}
