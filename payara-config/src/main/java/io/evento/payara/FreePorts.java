package io.evento.payara;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports that nothing listens on at the moment, on the bind address. */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} distinct free ports. */
    public static List<Integer> take(String bindAddress, int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getByName(bindAddress)));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a probe socket cannot lose anything
                }
            }
        }
    }

    /** Whether nothing listens on the port of the address right now. */
    public static boolean isFree(String bindAddress, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(bindAddress))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The first base from {@code from}, in steps of {@code step}, where base + each offset is free: a
     * place for a server with a fixed port layout (a WildFly port offset, a Payara Server port base).
     */
    public static int freeBase(String bindAddress, int from, int step, List<Integer> offsets) {
        int highest = offsets.stream().max(Integer::compare).orElse(0);
        for (int base = from; base + highest < 65_000; base += step) {
            int candidate = base;
            if (offsets.stream().allMatch(offset -> isFree(bindAddress, candidate + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no free port layout from " + from + " on " + bindAddress);
    }
}
