package io.evento.server.telemetry.jpa;

import io.evento.server.database.Transactions;
import io.evento.server.telemetry.HandlerKey;
import io.evento.server.telemetry.HandlerWindow;
import io.evento.server.telemetry.MinuteCounts;
import io.evento.server.telemetry.MinutePoint;
import io.evento.server.telemetry.MinuteSends;
import io.evento.server.telemetry.SendKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-minute telemetry of every server instance. Each instance writes only its own rows (its member
 * id is part of every key), so writing a minute again just replaces the instance's earlier value.
 */
@ApplicationScoped
public class TelemetryStore {

    static final String HANDLER_WINDOW = "SELECT h.bundleId, h.component, h.payloadType, SUM(h.invocations), SUM(h.failures), "
            + "SUM(h.totalMillis), MAX(h.maxMillis) FROM HandlerMinuteEntity h WHERE h.minute >= :since "
            + "GROUP BY h.bundleId, h.component, h.payloadType ORDER BY h.bundleId, h.component, h.payloadType";
    static final String HANDLER_SERIES = "SELECT h.minute, SUM(h.invocations), SUM(h.failures), SUM(h.totalMillis), MAX(h.maxMillis) "
            + "FROM HandlerMinuteEntity h WHERE h.bundleId = :bundle AND h.component = :component AND h.payloadType = :payload "
            + "AND h.minute >= :since GROUP BY h.minute ORDER BY h.minute";
    static final String SEND_WINDOW = "SELECT s.bundleId, s.component, s.handler, s.payloadType, SUM(s.messages) "
            + "FROM SendMinuteEntity s WHERE s.minute >= :since GROUP BY s.bundleId, s.component, s.handler, s.payloadType";

    private Transactions transactions;

    protected TelemetryStore() {
        // for the CDI client proxy
    }

    @Inject
    public TelemetryStore(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Writes this instance's buckets (each row replaces the same minute's earlier value). */
    public void publish(String memberId, List<MinuteCounts> counts, List<MinuteSends> sends) {
        transactions.run(em -> {
            for (MinuteCounts row : counts) {
                HandlerMinuteEntity.Key key = new HandlerMinuteEntity.Key(minute(row.minute()), memberId, row.handler().bundleId(),
                        row.handler().component(), row.handler().payloadType());
                Transactions.save(em, HandlerMinuteEntity.class, key, () -> new HandlerMinuteEntity(key),
                        entity -> entity.count(row.invocations(), row.failures(), row.totalMillis(), row.maxMillis()));
            }
            for (MinuteSends row : sends) {
                SendMinuteEntity.Key key = new SendMinuteEntity.Key(minute(row.minute()), memberId, row.sender().bundleId(),
                        row.sender().component(), row.sender().handler(), row.sender().payloadType());
                Transactions.save(em, SendMinuteEntity.class, key, () -> new SendMinuteEntity(key), entity -> entity.count(row.messages()));
            }
        });
    }

    /** Every handler's totals since the minute (epoch minutes), over {@code seconds} for the rate. */
    public List<HandlerWindow> window(long sinceMinute, double seconds) {
        return transactions.inTransaction(em -> rows(em, HANDLER_WINDOW, sinceMinute).stream().map(r -> {
            long invocations = number(r[3]).longValue();
            return new HandlerWindow((String) r[0], (String) r[1], (String) r[2], invocations, number(r[4]).longValue(),
                    invocations == 0 ? 0 : number(r[5]).doubleValue() / invocations, number(r[6]).doubleValue(), invocations / seconds);
        }).toList());
    }

    /** One handler's minutes since the minute (epoch minutes). */
    public List<MinutePoint> series(HandlerKey handler, long sinceMinute) {
        return transactions.inTransaction(em -> em.createQuery(HANDLER_SERIES, Object[].class)
                .setParameter("bundle", handler.bundleId()).setParameter("component", handler.component())
                .setParameter("payload", handler.payloadType()).setParameter("since", minute(sinceMinute))
                .getResultList().stream().map(r -> {
                    long invocations = number(r[1]).longValue();
                    return new MinutePoint(((OffsetDateTime) r[0]).toInstant(), invocations, number(r[2]).longValue(),
                            invocations == 0 ? 0 : number(r[3]).doubleValue() / invocations, number(r[4]).doubleValue());
                }).toList());
    }

    /** Who sent what since the minute (epoch minutes). */
    public Map<SendKey, Long> sends(long sinceMinute) {
        Map<SendKey, Long> sends = new HashMap<>();
        for (Object[] r : transactions.inTransaction(em -> rows(em, SEND_WINDOW, sinceMinute))) {
            sends.put(new SendKey((String) r[0], (String) r[1], (String) r[2], (String) r[3]), number(r[4]).longValue());
        }
        return sends;
    }

    /** Deletes minutes before the minute (epoch minutes). */
    public void prune(long beforeMinute) {
        transactions.run(em -> {
            em.createQuery("DELETE FROM HandlerMinuteEntity h WHERE h.minute < :before").setParameter("before", minute(beforeMinute))
                    .executeUpdate();
            em.createQuery("DELETE FROM SendMinuteEntity s WHERE s.minute < :before").setParameter("before", minute(beforeMinute))
                    .executeUpdate();
        });
    }

    private static List<Object[]> rows(EntityManager em, String query, long sinceMinute) {
        return em.createQuery(query, Object[].class).setParameter("since", minute(sinceMinute)).getResultList();
    }

    private static OffsetDateTime minute(long epochMinute) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochMinute * 60), ZoneOffset.UTC);
    }

    private static Number number(Object value) {
        return value == null ? 0 : (Number) value;
    }
}
