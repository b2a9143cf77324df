package io.evento.payara.arquillian;

import io.evento.payara.FreePorts;
import io.evento.payara.MicroRecipe;
import io.evento.payara.database.ThrowawayDatabase;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Gives the Arquillian {@code payara-micro-managed} connector the loopback recipe before any test
 * runs: it reads {@code payara.cmdOptions} and {@code payara.extraMicroOptions} from system
 * properties. Active only in test JVMs where the build set {@code payara.microJar}; also creates a
 * throw-away database for the deployed server and drops it when the session ends.
 */
public final class ArquillianRecipe implements LauncherSessionListener {

    private ThrowawayDatabase database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String driverJar = System.getProperty("evento.postgresql.jar");
        if (System.getProperty("payara.microJar") == null || driverJar == null) {
            return;
        }
        MicroRecipe recipe = MicroRecipe.fromProject();
        database = ThrowawayDatabase.create("evento_arq");
        System.setProperty("evento.arquillian.database", database.jdbcUrl());

        List<String> jvm = new ArrayList<>(recipe.jvmOptions());
        jvm.add("-Xmx" + recipe.defaults().getOrDefault("EVENTO_HEAP", "512m"));
        jvm.add("-Devento.db.url=" + database.jdbcUrl());
        jvm.add("-Devento.db.user=" + ThrowawayDatabase.user());
        jvm.add("-Devento.db.password=" + ThrowawayDatabase.password());
        jvm.add("-Devento.db.pool.size=8");
        jvm.add("-Devento.server.instance.id=arquillian");
        System.setProperty("payara.cmdOptions", String.join(" ", jvm));

        int hazelcastPort = FreePorts.take(recipe.bindAddress(), 1).get(0);
        List<String> micro = new ArrayList<>(recipe.microOptions());
        micro.addAll(recipe.clusterOptions("evento-arq-" + UUID.randomUUID().toString().substring(0, 8), hazelcastPort,
                List.of(hazelcastPort)));
        micro.addAll(List.of("--postbootcommandfile", recipe.postBootFile().toString(), "--addlibs", driverJar));
        System.setProperty("payara.extraMicroOptions", String.join(" ", micro));
        System.setProperty("payara.clusterEnabled", "true");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
        }
    }
}
