package io.evento.payara;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Several Payara Micro instances of one WAR forming one Hazelcast cluster over TCP/IP on the bind
 * address, for tests and benchmarks. {@link #close()} stops every instance it started.
 */
public final class MicroCluster implements AutoCloseable {

    private final MicroRecipe recipe;
    private final Settings settings;
    private final List<Integer> httpPorts;
    private final List<Integer> hazelcastPorts;
    private final MicroInstance[] instances;

    /**
     * @param microJar  Payara Micro jar
     * @param driverJar PostgreSQL driver jar
     * @param war       the WAR to deploy
     * @param size      number of instances
     * @param env       settings of every instance (environment variables)
     * @param heap      maximum heap of each instance
     * @param workDir   logs and runtime folders
     */
    public record Settings(Path microJar, Path driverJar, Path war, int size, Map<String, String> env, String heap,
                           Path workDir) {
        public Settings {
            env = Map.copyOf(env);
        }
    }

    private MicroCluster(MicroRecipe recipe, Settings settings) {
        this.recipe = recipe;
        this.settings = settings;
        List<Integer> ports = FreePorts.take(recipe.bindAddress(), settings.size() * 2);
        this.httpPorts = ports.subList(0, settings.size());
        this.hazelcastPorts = ports.subList(settings.size(), settings.size() * 2);
        this.instances = new MicroInstance[settings.size()];
    }

    /** Prepares a cluster (ports, names); nothing runs yet. */
    public static MicroCluster prepare(MicroRecipe recipe, Settings settings) {
        return new MicroCluster(recipe, settings);
    }

    private final String clusterName = "evento-test-" + UUID.randomUUID().toString().substring(0, 8);

    /** Starts instance {@code index} (0-based) with extra settings; returns without waiting. */
    public MicroInstance start(int index, Map<String, String> extraEnv) {
        if (instances[index] != null && instances[index].isAlive()) {
            throw new IllegalStateException("instance " + index + " already runs");
        }
        Map<String, String> env = new HashMap<>(settings.env());
        env.putAll(extraEnv);
        MicroInstanceSpec spec = new MicroInstanceSpec("instance-" + (index + 1), settings.microJar(), settings.driverJar(),
                settings.war(), httpPorts.get(index), hazelcastPorts.get(index), clusterName, hazelcastPorts, env,
                List.of(), settings.heap(), settings.workDir());
        instances[index] = MicroInstance.start(recipe, spec);
        return instances[index];
    }

    /** Starts every instance, one after the other (boots are CPU-bound), each ready before the next. */
    public MicroCluster startAll(Duration readyTimeout) {
        for (int i = 0; i < instances.length; i++) {
            start(i, Map.of()).awaitReady(readyTimeout);
        }
        return this;
    }

    /** Starts every instance at the same moment, then waits for all. */
    public MicroCluster startAllAtOnce(Duration readyTimeout) {
        for (int i = 0; i < instances.length; i++) {
            start(i, Map.of());
        }
        for (MicroInstance instance : instances) {
            instance.awaitReady(readyTimeout);
        }
        return this;
    }

    public MicroInstance instance(int index) {
        return instances[index];
    }

    public List<MicroInstance> instances() {
        List<MicroInstance> list = new ArrayList<>();
        for (MicroInstance instance : instances) {
            if (instance != null) {
                list.add(instance);
            }
        }
        return list;
    }

    public String clusterName() {
        return clusterName;
    }

    /** Stops every instance started, even if some fail to stop. */
    @Override
    public void close() {
        for (MicroInstance instance : instances) {
            if (instance != null) {
                instance.close();
            }
        }
    }
}
