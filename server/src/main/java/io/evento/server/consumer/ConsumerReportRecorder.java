package io.evento.server.consumer;

import io.evento.server.connection.ConsumerReported;
import io.evento.server.consumer.jpa.ConsumerReportStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

/** Saves the consumers a bundle instance reports, off the connection's thread (an asynchronous CDI event). */
@ApplicationScoped
public class ConsumerReportRecorder {

    private static final System.Logger LOG = System.getLogger(ConsumerReportRecorder.class.getName());

    private ConsumerReportStore store;

    protected ConsumerReportRecorder() {
        // for the CDI client proxy
    }

    @Inject
    public ConsumerReportRecorder(ConsumerReportStore store) {
        this.store = store;
    }

    void reported(@ObservesAsync ConsumerReported reported) {
        if (reported.report().consumers().isEmpty()) {
            return;
        }
        var connection = reported.connection();
        try {
            store.save(connection.bundleId(), connection.instanceId(), connection.memberId(), connection.connectionKey(),
                    reported.report().consumers());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "consumer report of " + connection.bundleId() + " not saved: " + e.getMessage());
        }
    }
}
