package io.evento.server.testing;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.evento.payara.FreePorts;
import io.evento.payara.MicroRecipe;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A small Hazelcast cluster inside the test JVM, on the project's loopback recipe (the bind
 * address and the Hazelcast system properties of {@code payara-config/loopback.properties}): TCP/IP
 * discovery on an explicit member list, no multicast, no phone-home, no cloud discovery.
 */
public final class EmbeddedHazelcast implements AutoCloseable {

    private final List<HazelcastInstance> members = new ArrayList<>();

    private EmbeddedHazelcast() {
    }

    /** Starts {@code size} members that form one cluster. */
    public static EmbeddedHazelcast start(int size) {
        MicroRecipe recipe = MicroRecipe.fromProject();
        List<Integer> ports = FreePorts.take(recipe.bindAddress(), size);
        String name = "evento-embedded-" + UUID.randomUUID().toString().substring(0, 8);
        EmbeddedHazelcast cluster = new EmbeddedHazelcast();
        try {
            for (int i = 0; i < size; i++) {
                cluster.members.add(Hazelcast.newHazelcastInstance(config(recipe, name, ports, ports.get(i))));
            }
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private static Config config(MicroRecipe recipe, String clusterName, List<Integer> ports, int port) {
        Config config = new Config();
        config.setClusterName(clusterName);
        for (String option : recipe.jvmOptions()) {
            if (option.startsWith("-Dhazelcast.")) {
                String[] pair = option.substring(2).split("=", 2);
                config.setProperty(pair[0], pair[1]);
            }
        }
        config.setProperty("hazelcast.logging.type", "jdk");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(recipe.bindAddress());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int member : ports) {
            join.getTcpIpConfig().addMember(recipe.bindAddress() + ":" + member);
        }
        return config;
    }

    public HazelcastInstance member(int index) {
        return members.get(index);
    }

    /** Stops a member as a crash would (no graceful leave). */
    public void crash(int index) {
        members.get(index).getLifecycleService().terminate();
    }

    @Override
    public void close() {
        for (HazelcastInstance member : members) {
            try {
                member.getLifecycleService().terminate();
            } catch (RuntimeException e) {
                // already stopped
            }
        }
    }
}
