package io.evento.server.store.jpa;

import io.evento.server.database.Transactions;
import io.evento.server.store.Snapshot;
import io.evento.server.store.StoredEvent;
import io.evento.server.store.StreamPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state store browser's reads, in JPQL on the event-store entities: events by stream range,
 * type, context, aggregate, creation time and payload content, one aggregate's stream and state,
 * snapshots. Every value is a bound parameter. The order is the store's global order: {@code (tx,
 * position)} in HORIZON mode, the position in CPES and APES. A browse is a view of what is committed
 * when it runs; the gap-free reading that consumers need is the event store's own (ADR 0003).
 */
@ApplicationScoped
public class StateStoreBrowser {

    /** The longest a search may run (a payload search scans the events its other criteria leave). */
    static final int QUERY_TIMEOUT_MILLIS = 10_000;

    private Transactions transactions;

    protected StateStoreBrowser() {
        // for the CDI client proxy
    }

    @Inject
    public StateStoreBrowser(Transactions transactions) {
        this.transactions = transactions;
    }

    /** A page of matching events in stream order, one more looked for to tell whether more follow. */
    public SearchPage search(EventSearch search, boolean horizon) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ");
        where.append(horizon ? "(e.txId > :afterTx OR (e.txId = :afterTx AND e.position > :afterPosition))" : "e.position > :afterPosition");
        if (horizon) {
            parameters.put("afterTx", search.after().tx());
        }
        parameters.put("afterPosition", search.after().position());
        if (search.before() != null) {
            where.append(horizon ? " AND (e.txId < :beforeTx OR (e.txId = :beforeTx AND e.position < :beforePosition))"
                    : " AND e.position < :beforePosition");
            if (horizon) {
                parameters.put("beforeTx", search.before().tx());
            }
            parameters.put("beforePosition", search.before().position());
        }
        if (!search.types().isEmpty()) {
            where.append(" AND e.eventType IN :types");
            parameters.put("types", new ArrayList<>(search.types()));
        }
        criterion(where, parameters, "e.context = :context", "context", search.context());
        criterion(where, parameters, "e.aggregateId = :aggregate", "aggregate", search.aggregateId());
        criterion(where, parameters, "e.createdAt >= :from", "from", search.from() == null ? null : utc(search.from()));
        criterion(where, parameters, "e.createdAt < :to", "to", search.to() == null ? null : utc(search.to()));
        criterion(where, parameters, "FUNCTION('evento_json_contains', e.payload, :contains) = 1", "contains", search.contains());
        String order = horizon ? " ORDER BY e.txId, e.position" : " ORDER BY e.position";
        List<StoredEvent> found = transactions.inTransaction(em -> {
            TypedQuery<EventEntity> query = em.createQuery("SELECT e FROM EventEntity e" + where + order, EventEntity.class)
                    .setMaxResults(search.limit() + 1).setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MILLIS);
            parameters.forEach(query::setParameter);
            return query.getResultList().stream().map(e -> e.toStored(horizon)).toList();
        });
        boolean more = found.size() > search.limit();
        List<StoredEvent> page = more ? found.subList(0, search.limit()) : found;
        StreamPosition next = page.isEmpty() ? search.after() : page.get(page.size() - 1).position();
        return new SearchPage(page, next, more);
    }

    /** One event by its id. */
    public Optional<StoredEvent> event(String eventId, boolean horizon) {
        return transactions.inTransaction(em -> em.createQuery("SELECT e FROM EventEntity e WHERE e.eventId = :id", EventEntity.class)
                .setParameter("id", eventId).getResultList().stream().findFirst().map(e -> e.toStored(horizon)));
    }

    /** One aggregate: its last sequence, whether it is deleted, its snapshot and events after a sequence; empty when unknown. */
    public Optional<AggregateView> aggregate(String aggregateId, long afterSequence, int limit, boolean horizon) {
        return transactions.inTransaction(em -> {
            Long last = em.createQuery("SELECT MAX(e.aggregateSequence) FROM EventEntity e WHERE e.aggregateId = :id", Long.class)
                    .setParameter("id", aggregateId).getSingleResult();
            Optional<Snapshot> snapshot = Optional.ofNullable(em.find(SnapshotEntity.class, aggregateId)).map(SnapshotEntity::toSnapshot);
            boolean deleted = em.find(AggregateDeletionEntity.class, aggregateId) != null;
            if (last == null && snapshot.isEmpty() && !deleted) {
                return Optional.empty();
            }
            List<StoredEvent> events = em.createQuery("SELECT e FROM EventEntity e WHERE e.aggregateId = :id "
                            + "AND e.aggregateSequence > :after ORDER BY e.aggregateSequence", EventEntity.class)
                    .setParameter("id", aggregateId).setParameter("after", afterSequence).setMaxResults(limit)
                    .getResultList().stream().map(e -> e.toStored(horizon)).toList();
            long lastSequence = Math.max(last == null ? 0 : last, snapshot.map(Snapshot::sequence).orElse(0L));
            return Optional.of(new AggregateView(aggregateId, lastSequence, deleted, snapshot, events));
        });
    }

    /** Snapshots whose aggregate id contains the text (all for empty), by aggregate id, one page. */
    public List<Snapshot> snapshots(String aggregateIdContains, int offset, int limit) {
        return transactions.inTransaction(em -> snapshotQuery(em, "SELECT s", aggregateIdContains, SnapshotEntity.class,
                " ORDER BY s.aggregateId").setFirstResult(offset).setMaxResults(limit).getResultList()
                .stream().map(SnapshotEntity::toSnapshot).toList());
    }

    /** How many snapshots {@link #snapshots} finds in all. */
    public long countSnapshots(String aggregateIdContains) {
        return transactions.inTransaction(em -> snapshotQuery(em, "SELECT COUNT(s)", aggregateIdContains, Long.class, "")
                .getSingleResult());
    }

    private static <T> TypedQuery<T> snapshotQuery(EntityManager em, String select, String contains, Class<T> type, String order) {
        boolean all = contains == null || contains.isEmpty();
        TypedQuery<T> query = em.createQuery(select + " FROM SnapshotEntity s" + (all ? "" : " WHERE LOCATE(:text, s.aggregateId) > 0")
                + order, type);
        return all ? query : query.setParameter("text", contains);
    }

    private static void criterion(StringBuilder where, Map<String, Object> parameters, String condition, String name, Object value) {
        if (value != null && !(value instanceof String text && text.isEmpty())) {
            where.append(" AND ").append(condition);
            parameters.put(name, value);
        }
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A page of events and where to continue. */
    public record SearchPage(List<StoredEvent> events, StreamPosition next, boolean more) {
    }

    /** One aggregate as the browser shows it. */
    public record AggregateView(String aggregateId, long lastSequence, boolean deleted, Optional<Snapshot> snapshot,
                                List<StoredEvent> events) {
    }
}
