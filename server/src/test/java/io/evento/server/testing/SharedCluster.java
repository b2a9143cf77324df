package io.evento.server.testing;

import io.evento.payara.MicroCluster;
import io.evento.payara.MicroInstance;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.Map;

/**
 * One two-instance cluster on a throw-away database, shared by every test class of the run that
 * uses this extension (booting Payara Micro costs 15-20 s per instance); stopped when the run ends.
 */
public final class SharedCluster implements BeforeAllCallback {

    public static final String TOKEN = "bus-test-token";
    public static final String BUNDLE_ONLY_TOKEN = "only-for-billing";
    public static final String ADMIN_PASSWORD = "admin-test-pw";
    public static final String VIEWER_PASSWORD = "viewer-test-pw";
    public static final String ADMIN_TOKEN = "admin-test-token-0123456789";
    public static final String VIEWER_TOKEN = "viewer-test-token-0123456789";
    public static final String ADMIN = Http.basic("root", ADMIN_PASSWORD);
    public static final String VIEWER = Http.basic("watcher", VIEWER_PASSWORD);
    private static volatile Resources resources;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SharedCluster.class, key -> {
            resources = start();
            return resources;
        }, Resources.class);
    }

    public static MicroInstance instance(int index) {
        return resources.cluster.instance(index);
    }

    public static TestDatabase database() {
        return resources.database;
    }

    /** Configured users carry PBKDF2 hashes, as in production (clear text needs evento.admin.plain-passwords). */
    private static String hash(String password) {
        return io.evento.payara.password.PasswordHash.of(password.toCharArray());
    }

    private static Resources start() {
        TestDatabase database = TestDatabase.empty();
        MicroCluster cluster = MicroCluster.prepare(ServerLaunch.recipe(), ServerLaunch.cluster("shared", 2, database.jdbcUrl(), Map.of(
                "EVENTO_BUS_TOKENS", TOKEN + ",billing=" + BUNDLE_ONLY_TOKEN,
                "EVENTO_BUS_HEARTBEAT_MILLIS", "1000",
                "EVENTO_ADMIN_USERS", "root:admin:" + hash(ADMIN_PASSWORD) + ",watcher:viewer:" + hash(VIEWER_PASSWORD),
                "EVENTO_ADMIN_TOKENS", "admin:" + ADMIN_TOKEN + ",viewer:" + VIEWER_TOKEN,
                "EVENTO_BUS_MAX_FRAME_BYTES", Integer.toString(2 << 20))));
        try {
            cluster.startAll(Duration.ofSeconds(240));
        } catch (RuntimeException e) {
            cluster.close();
            database.close();
            throw e;
        }
        return new Resources(cluster, database);
    }

    private record Resources(MicroCluster cluster, TestDatabase database) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cluster.close();
            database.close();
        }
    }
}
