package io.evento.payara;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one Payara Micro instance runs with: an Evento Server instance (a member of a cluster) or
 * an application such as a bundle WAR on its own (no cluster name: no Hazelcast, no server datasource).
 *
 * @param name          instance name, also the log file name
 * @param microJar      the Payara Micro jar
 * @param driverJar     the PostgreSQL driver added to the server's class path (null: none)
 * @param war           the application deployed at the root context
 * @param httpPort      HTTP port on the bind address
 * @param hazelcastPort first Hazelcast port this member tries
 * @param clusterName   Hazelcast cluster name (null: an application instance without Hazelcast)
 * @param memberPorts   Hazelcast ports of every member (TCP/IP discovery)
 * @param environment   environment variables of the process (settings of the server)
 * @param jvmOptions    extra JVM flags (system properties)
 * @param heap          maximum heap, e.g. {@code 512m}
 * @param workDir       where logs and the runtime folder go
 */
public record MicroInstanceSpec(String name, Path microJar, Path driverJar, Path war, int httpPort, int hazelcastPort,
                                String clusterName, List<Integer> memberPorts, Map<String, String> environment,
                                List<String> jvmOptions, String heap, Path workDir) {

    public MicroInstanceSpec {
        memberPorts = List.copyOf(memberPorts);
        environment = Map.copyOf(environment);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** An application instance: the WAR alone on its Payara Micro, outside any cluster. */
    public static MicroInstanceSpec application(String name, Path microJar, Path war, int httpPort, Map<String, String> environment,
                                                String heap, Path workDir) {
        return new MicroInstanceSpec(name, microJar, null, war, httpPort, 0, null, List.of(), environment, List.of(), heap, workDir);
    }

    /** An Evento Server instance (a cluster member with the server's datasource), not an application. */
    public boolean isServer() {
        return clusterName != null;
    }

    /** The same instance with other settings. */
    public MicroInstanceSpec withEnvironment(Map<String, String> otherEnvironment) {
        return new MicroInstanceSpec(name, microJar, driverJar, war, httpPort, hazelcastPort, clusterName, memberPorts,
                otherEnvironment, jvmOptions, heap, workDir);
    }
}
