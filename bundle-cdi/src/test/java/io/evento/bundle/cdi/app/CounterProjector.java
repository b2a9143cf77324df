package io.evento.bundle.cdi.app;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Projector;
import io.evento.bundle.api.Metadata;
import io.evento.bundle.cdi.app.Counting.CounterCreated;
import io.evento.bundle.cdi.app.Counting.Incremented;
import jakarta.inject.Inject;

/** Records every increment and its correlation in the application's {@link Seen} bean (field injection). */
@Projector(version = 1)
public class CounterProjector {

    @Inject
    Seen seen;

    @EventHandler
    void on(CounterCreated event, Metadata metadata) {
        seen.add(event.counterId() + "=0");
        seen.correlated(event.counterId(), metadata.get("correlationId"));
    }

    @EventHandler
    void on(Incremented event, Metadata metadata) {
        seen.add(event.counterId() + "=" + event.value());
        seen.correlated(event.counterId(), metadata.get("correlationId"));
    }
}
