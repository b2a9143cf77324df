package io.evento.bundle.cdi.app;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Projector;
import io.evento.bundle.cdi.app.Counting.CounterCreated;
import io.evento.bundle.cdi.app.Counting.Incremented;
import jakarta.inject.Inject;

/** Records every increment in the application's {@link Seen} bean (field injection). */
@Projector(version = 1)
public class CounterProjector {

    @Inject
    Seen seen;

    @EventHandler
    void on(CounterCreated event) {
        seen.add(event.counterId() + "=0");
    }

    @EventHandler
    void on(Incremented event) {
        seen.add(event.counterId() + "=" + event.value());
    }
}
