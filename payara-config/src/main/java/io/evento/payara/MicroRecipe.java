package io.evento.payara;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The loopback recipe of {@code payara-config/loopback.properties} and the launch defaults of
 * {@code payara-config/defaults.env}, read once for every Java launcher (tests, Arquillian,
 * benchmarks). {@code deploy/evento} reads the same two files.
 *
 * @param configDir    the {@code payara-config} folder holding the command files
 * @param bindAddress  the address HTTP, Hazelcast and the member list use
 * @param jvmOptions   JVM flags placed before {@code -jar}
 * @param microOptions Payara Micro flags, with paths resolved
 * @param loneOptions  the extra flags of an application instance outside any cluster (no Hazelcast)
 * @param defaults     default environment of a server instance
 */
public record MicroRecipe(Path configDir, String bindAddress, List<String> jvmOptions, List<String> microOptions,
                          List<String> loneOptions, Map<String, String> defaults) {

    /** Reads the recipe from a {@code payara-config} folder. */
    public static MicroRecipe load(Path configDir) {
        Properties recipe = new Properties();
        try (Reader reader = Files.newBufferedReader(configDir.resolve("loopback.properties"))) {
            recipe.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the loopback recipe in " + configDir, e);
        }
        String bind = System.getenv().getOrDefault("EVENTO_BIND_ADDRESS", required(recipe, "bind.address"));
        String micro = required(recipe, "micro.options")
                .replace("{bind.address}", bind)
                .replace("{config.dir}", configDir.toAbsolutePath().toString());
        return new MicroRecipe(configDir.toAbsolutePath(), bind, split(required(recipe, "jvm.options")), split(micro),
                split(required(recipe, "lone.options")), readEnvFile(configDir.resolve("defaults.env")));
    }

    /**
     * Finds {@code payara-config} from the {@code evento.project.dir} system property (set by the
     * build for every test) or by walking up from the working directory.
     */
    public static MicroRecipe fromProject() {
        return load(projectDir().resolve("payara-config"));
    }

    /** The root of the source tree. */
    public static Path projectDir() {
        String configured = System.getProperty("evento.project.dir");
        if (configured != null && Files.isRegularFile(Path.of(configured, "payara-config", "loopback.properties"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("payara-config").resolve("loopback.properties"))) {
                return dir;
            }
        }
        throw new IllegalStateException("payara-config/loopback.properties not found above " + Path.of("").toAbsolutePath());
    }

    /** The post-boot command file defining the datasource. */
    public Path postBootFile() {
        return configDir.resolve("post-boot.asadmin");
    }

    /**
     * The Hazelcast flags of one member: TCP/IP discovery on the given member ports of the bind
     * address, never multicast.
     */
    public List<String> clusterOptions(String clusterName, int hazelcastPort, List<Integer> memberPorts) {
        String members = memberPorts.stream().map(p -> bindAddress + ":" + p).collect(Collectors.joining(","));
        return List.of("--clustername", clusterName, "--startport", Integer.toString(hazelcastPort),
                "--clustermode", "tcpip:" + members);
    }

    /** The JVM flags as one string, for connectors that take a single option string. */
    public String jvmOptionsLine() {
        return String.join(" ", jvmOptions);
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("loopback.properties lacks " + key);
        }
        return value.trim();
    }

    private static List<String> split(String line) {
        return List.copyOf(Arrays.stream(line.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    }

    static Map<String, String> readEnvFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException("not KEY=VALUE in " + file + ": " + line);
                }
                values.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(values);
    }

    /** The full command line of one instance. */
    List<String> commandLine(MicroInstanceSpec spec) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + spec.heap());
        command.addAll(jvmOptions);
        command.addAll(spec.jvmOptions());
        command.add("-jar");
        command.add(spec.microJar().toString());
        command.addAll(microOptions);
        if (spec.isServer()) {
            command.addAll(clusterOptions(spec.clusterName(), spec.hazelcastPort(), spec.memberPorts()));
            command.addAll(List.of("--postbootcommandfile", postBootFile().toString()));
        } else {
            command.addAll(loneOptions);
        }
        command.addAll(List.of("--port", Integer.toString(spec.httpPort())));
        command.addAll(List.of("--name", spec.name()));
        command.addAll(List.of("--rootdir", spec.workDir().resolve(spec.name() + "-root").toString()));
        if (spec.driverJar() != null) {
            command.addAll(List.of("--addlibs", spec.driverJar().toString()));
        }
        command.addAll(List.of("--deploy", spec.war().toString(), "--contextroot", "/"));
        return command;
    }
}
