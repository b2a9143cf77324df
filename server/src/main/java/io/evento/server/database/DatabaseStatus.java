package io.evento.server.database;

import io.evento.server.config.ServerSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether this instance can use its database: reachable and migrated. At start-up it migrates the
 * schema; while the database is unreachable or misconfigured it logs one clear line and tries
 * again every {@code evento.db.retry.millis}, so the instance becomes ready without a restart
 * once the database is back.
 */
@ApplicationScoped
public class DatabaseStatus {

    private static final System.Logger LOG = System.getLogger(DatabaseStatus.class.getName());

    private DataSource dataSource;
    private ServerSettings settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile boolean migrated;
    private volatile String problem = "schema migration not attempted yet";
    private volatile String version = "none";
    private volatile String storeId;
    private volatile boolean stopped;
    private volatile boolean lastReachable = true;

    protected DatabaseStatus() {
        // for the CDI client proxy
    }

    @Inject
    public DatabaseStatus(DataSource dataSource, ServerSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        scheduler.execute(this::attempt);
    }

    @PreDestroy
    void stop() {
        stopped = true;
    }

    private void attempt() {
        if (stopped) {
            return;
        }
        try {
            SchemaMigration.Report report = new SchemaMigration(dataSource).migrate();
            version = report.version();
            storeId = readStoreId();
            migrated = true;
            problem = null;
            LOG.log(System.Logger.Level.INFO, "Evento database ready: schema version {0} ({1} migrations applied by this instance {2})",
                    report.version(), report.applied(), settings.instanceId());
        } catch (Exception e) {
            String message = describe(e);
            if (!message.equals(problem)) {
                LOG.log(System.Logger.Level.ERROR, "Evento server NOT READY: cannot use the database ''{0}'': {1}. Retrying every {2} ms.",
                        settings.dataSourceName(), message, settings.databaseRetryInterval().toMillis());
            }
            problem = message;
            scheduler.schedule(this::attempt, settings.databaseRetryInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** True once the schema is migrated; it stays migrated for the life of the instance. */
    public boolean migrated() {
        return migrated;
    }

    /** The id of the System State Store in this database, once migrated. */
    public Optional<String> storeId() {
        return Optional.ofNullable(storeId);
    }

    private String readStoreId() throws java.sql.SQLException {
        try (Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement(
                     "SELECT value FROM evento_store_setting WHERE name = 'store.id'");
             java.sql.ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** The schema version after migration. */
    public String schemaVersion() {
        return version;
    }

    /** Whether a connection can be taken and answers within two seconds, right now; logs every change. */
    public boolean reachable() {
        String failure;
        try (Connection connection = dataSource.getConnection()) {
            failure = connection.isValid(2) ? null : "the connection did not answer within 2 s";
        } catch (Exception e) {
            failure = describe(e);
        }
        boolean now = failure == null;
        if (now != lastReachable) {
            lastReachable = now;
            if (now) {
                LOG.log(System.Logger.Level.INFO, "Evento database ''{0}'' reachable again", settings.dataSourceName());
            } else {
                LOG.log(System.Logger.Level.ERROR, "Evento server NOT READY: database ''{0}'' unreachable: {1}",
                        settings.dataSourceName(), failure);
            }
        }
        if (migrated) {
            problem = failure;
        }
        return now;
    }

    /** The last reason the database could not be used, if any. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }
}
