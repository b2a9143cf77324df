package io.evento.server.store;

import io.evento.protocol.ErrorCode;
import io.evento.protocol.EventoException;
import io.evento.server.database.DatabaseStatus;
import io.evento.server.store.jdbc.PostgresEventStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The server's event store, opened on first use once the database is migrated (before that,
 * callers get NOT_READY), with the settings of MicroProfile Config.
 */
@ApplicationScoped
public class EventStoreAccess {

    private DataSource dataSource;
    private DatabaseStatus database;

    private AppendCompletion completion;

    private volatile PostgresEventStore store;

    protected EventStoreAccess() {
        // for the CDI client proxy
    }

    @Inject
    public EventStoreAccess(DataSource dataSource, DatabaseStatus database, AppendCompletion completion) {
        this.dataSource = dataSource;
        this.database = database;
        this.completion = completion;
    }

    /**
     * The event writers are plain daemon threads: they only use JDBC, and Payara kills a managed
     * thread created while the application is still being deployed ("Module ... is disabled")
     * before it runs, which left an instance without writers when readiness opened the store
     * during start-up.
     */
    private static final java.util.concurrent.ThreadFactory WRITER_THREADS = runnable -> {
        Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
    };

    /** The store; NOT_READY while the database is not migrated. */
    public EventStore get() {
        PostgresEventStore current = store;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (store == null) {
                if (!database.migrated()) {
                    throw new EventoException(ErrorCode.NOT_READY, "the event store is not ready: "
                            + database.problem().orElse("database not migrated yet"));
                }
                store = new PostgresEventStore(dataSource, settings(), WRITER_THREADS, completion);
            }
            return store;
        }
    }

    /**
     * Whether this instance can append events now, proven by an event writer on its own
     * connection within two seconds: empty when it can, the reason when it cannot.
     */
    public java.util.Optional<String> writeProblem() {
        try {
            EventStore current = get();
            if (current instanceof PostgresEventStore postgres) {
                postgres.probeWrite().get(2, java.util.concurrent.TimeUnit.SECONDS);
            }
            return java.util.Optional.empty();
        } catch (java.util.concurrent.TimeoutException e) {
            return java.util.Optional.of("the event writer did not answer a write probe within 2 s");
        } catch (java.util.concurrent.ExecutionException e) {
            return java.util.Optional.of(String.valueOf(e.getCause() == null ? e : e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of("interrupted");
        } catch (RuntimeException e) {
            return java.util.Optional.of(String.valueOf(e.getMessage()));
        }
    }

    /** Group-commit counters, when the store is open. */
    public java.util.Optional<io.evento.server.store.jdbc.WriteStatistics> writeStatistics() {
        PostgresEventStore current = store;
        return current == null ? java.util.Optional.empty() : java.util.Optional.of(current.writeStatistics());
    }

    static EventStoreSettings settings() {
        Config config = ConfigProvider.getConfig();
        EventStoreMode mode = EventStoreMode.valueOf(config.getOptionalValue("evento.es.mode", String.class)
                .orElse(EventStoreMode.HORIZON.name()).trim().toUpperCase(java.util.Locale.ROOT));
        EventStoreSettings defaults = EventStoreSettings.defaults(mode);
        return new EventStoreSettings(mode,
                Duration.ofMillis(config.getOptionalValue("evento.es.fetch.delay", Long.class).orElse(defaults.fetchDelay().toMillis())),
                config.getOptionalValue("evento.es.writers", Integer.class).orElse(defaults.writers()),
                config.getOptionalValue("evento.es.batch.max.events", Integer.class).orElse(defaults.maxBatchEvents()),
                Duration.ofNanos(1000L * config.getOptionalValue("evento.es.batch.wait.micros", Long.class).orElse(0L)),
                config.getOptionalValue("evento.es.queue.capacity", Integer.class).orElse(defaults.queueCapacity()),
                config.getOptionalValue("evento.es.max.payload.bytes", Integer.class).orElse(defaults.maxPayloadBytes()),
                config.getOptionalValue("evento.es.max.metadata.bytes", Integer.class).orElse(defaults.maxMetadataBytes()),
                config.getOptionalValue("evento.es.max.snapshot.bytes", Integer.class).orElse(defaults.maxSnapshotBytes()),
                config.getOptionalValue("evento.es.max.events.per.append", Integer.class).orElse(defaults.maxEventsPerAppend()));
    }

    @PreDestroy
    void close() {
        PostgresEventStore current = store;
        if (current != null) {
            current.close();
        }
    }
}
