package io.evento.server.bus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/** Starts the bus with the application: heartbeats, cluster listeners and routing are up before the first connection. */
@ApplicationScoped
public class BusStartup {

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, BusService bus,
                 io.evento.server.feed.EventNotifier notifier) {
        bus.codec();
        notifier.start();
    }
}
