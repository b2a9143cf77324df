package io.evento.bundle.cdi;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.Set;

/** Registers {@link BundleStartup} in every web application that carries this library. */
public class BundleServletInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addListener(BundleStartup.class);
    }
}
