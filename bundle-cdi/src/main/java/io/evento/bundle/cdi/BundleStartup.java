package io.evento.bundle.cdi;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Starts the bundle when the web application has started and stops it when the application stops.
 * Not on CDI's {@code @Initialized(ApplicationScoped.class)}: Payara fires it before the web
 * module's naming environment exists, so a component using {@code @PersistenceContext} could not be
 * created then.
 */
public class BundleStartup implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        CDI.current().select(BundleLifecycle.class).get().start();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        CDI.current().select(BundleLifecycle.class).get().stop();
    }
}
