package io.evento.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Alive while the application answers and the heap, measured right after the last garbage
 * collection, is not exhausted. A database outage makes the instance not ready, never not alive:
 * a restart would not bring the database back.
 */
@org.eclipse.microprofile.health.Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

    private static final double MAX_USE_AFTER_GC = 0.95;

    @Override
    public HealthCheckResponse call() {
        double worst = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && afterGc != null && afterGc.getMax() > 0) {
                worst = Math.max(worst, (double) afterGc.getUsed() / afterGc.getMax());
            }
        }
        return HealthCheckResponse.named("evento-server")
                .status(worst < MAX_USE_AFTER_GC)
                .withData("heapUseAfterLastGc", String.format("%.2f", worst))
                .build();
    }
}
