package io.evento.bundle.paced;

import io.evento.bundle.annotation.EventHandler;
import io.evento.bundle.annotation.Projector;
import io.evento.bundle.paced.Pacing.JobStarted;

/** Projects started jobs, taking {@link Pacing#PROJECTOR_MILLIS} per event: the slowest handler of the flow. */
@Projector(version = 1)
public class JobProjector {

    @EventHandler
    void on(JobStarted event) {
        Pacing.work(Pacing.PROJECTOR_MILLIS);
        Pacing.PROJECTED.incrementAndGet();
    }
}
