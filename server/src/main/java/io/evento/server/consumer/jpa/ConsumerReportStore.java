package io.evento.server.consumer.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.evento.protocol.frame.ConsumerReport.ConsumerStatus;
import io.evento.server.consumer.ReportedConsumer;
import io.evento.server.database.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The last report of each consumer. */
@ApplicationScoped
public class ConsumerReportStore {

    private Transactions transactions;
    private final ObjectMapper json = new ObjectMapper();

    protected ConsumerReportStore() {
        // for the CDI client proxy
    }

    @Inject
    public ConsumerReportStore(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Replaces the reports of these consumers. */
    public void save(String bundleId, String instanceId, String memberId, String connectionKey, List<ConsumerStatus> statuses) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        transactions.run(em -> {
            for (ConsumerStatus status : statuses) {
                String document = write(status);
                Transactions.save(em, ConsumerReportEntity.class, status.consumerId(), () -> new ConsumerReportEntity(status.consumerId()),
                        report -> report.report(bundleId, instanceId, memberId, connectionKey, document, now));
            }
        });
    }

    /** Every consumer's report, by consumer id. */
    public List<ReportedConsumer> all() {
        return transactions.inTransaction(em -> em.createQuery("SELECT r FROM ConsumerReportEntity r ORDER BY r.consumerId",
                ConsumerReportEntity.class).getResultList().stream().map(this::reported).toList());
    }

    /** One consumer's report. */
    public Optional<ReportedConsumer> find(String consumerId) {
        return transactions.inTransaction(em -> Optional.ofNullable(em.find(ConsumerReportEntity.class, consumerId)).map(this::reported));
    }

    private ReportedConsumer reported(ConsumerReportEntity row) {
        try {
            return new ReportedConsumer(row.bundleId(), row.instanceId(), row.memberId(), row.connectionKey(),
                    json.readValue(row.status(), ConsumerStatus.class), row.reportedAt().toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable consumer report: " + e.getOriginalMessage(), e);
        }
    }

    private String write(ConsumerStatus status) {
        try {
            return json.writeValueAsString(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
