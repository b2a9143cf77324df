package io.evento.bundle.paced;

import io.evento.bundle.api.DomainCommand;
import io.evento.bundle.api.DomainEvent;

import java.util.concurrent.atomic.AtomicInteger;

/** The paced bundle's payloads and the service times its handlers take. */
public final class Pacing {

    /** How long the aggregate's command handler works per command. */
    public static final long AGGREGATE_MILLIS = 20;
    /** How long the projector's event handler works per event. */
    public static final long PROJECTOR_MILLIS = 100;

    /** Events the projector has handled (all instances). */
    public static final AtomicInteger PROJECTED = new AtomicInteger();

    private Pacing() {
    }

    public record StartJob(String jobId) implements DomainCommand {
        @Override
        public String aggregateId() {
            return jobId;
        }
    }

    public record JobStarted(String jobId) implements DomainEvent {
    }

    static void work(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
