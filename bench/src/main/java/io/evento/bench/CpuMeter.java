package io.evento.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used so far by the server instances (from /proc), this load generator (the JVM's own
 * count) and every PostgreSQL process, to split a phase's CPU between them.
 */
final class CpuMeter {

    private static final double TICK_NANOS = 1e9 / 100;

    /**
     * CPU nanoseconds at one moment.
     *
     * @param servers   per server instance
     * @param generator this process
     * @param postgres  all processes named postgres
     */
    record Reading(long[] servers, long generator, long postgres, long wallNanos) {

        Reading minus(Reading before) {
            long[] s = new long[servers.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = servers[i] - before.servers[i];
            }
            return new Reading(s, generator - before.generator, postgres - before.postgres, wallNanos - before.wallNanos);
        }

        long serverTotal() {
            long total = 0;
            for (long s : servers) {
                total += s;
            }
            return total;
        }
    }

    private final List<Long> serverPids;

    CpuMeter(List<Long> serverPids) {
        this.serverPids = List.copyOf(serverPids);
    }

    Reading read() {
        long[] servers = new long[serverPids.size()];
        for (int i = 0; i < servers.length; i++) {
            servers[i] = processNanos(Path.of("/proc", Long.toString(serverPids.get(i)), "stat"));
        }
        long generator = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new Reading(servers, generator, postgres(), System.nanoTime());
    }

    private static long postgres() {
        long total = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) processes::iterator) {
                if (p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    Path stat = p.resolve("stat");
                    String text = read(stat);
                    if (text != null && text.contains("(postgres)")) {
                        total += nanos(text);
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }

    private static long processNanos(Path stat) {
        String text = read(stat);
        return text == null ? 0 : nanos(text);
    }

    /** utime + stime (fields 14 and 15) in nanoseconds; fields counted after the command's closing parenthesis. */
    private static long nanos(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (long) ((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return null;
        }
    }
}
