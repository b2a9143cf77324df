package io.evento.bundle.cdi.app;

import io.evento.bundle.annotation.Invoker;
import io.evento.bundle.annotation.Track;
import io.evento.bundle.api.CommandGateway;
import io.evento.bundle.cdi.app.Counting.CreateCounter;
import io.evento.bundle.cdi.app.Counting.Increment;
import io.evento.bundle.cdi.app.Counting.Incremented;
import jakarta.inject.Inject;

import java.time.Duration;

/** An invoker whose method starts a trace: both commands it sends share one correlation. */
@Invoker
public class CounterDesk {

    @Inject
    CommandGateway commands;

    @Track
    public long createAndIncrement(String counterId) {
        commands.sendAndWait(new CreateCounter(counterId), Duration.ofSeconds(20));
        Incremented incremented = commands.sendAndWait(new Increment(counterId), Duration.ofSeconds(20));
        return incremented.value();
    }
}
