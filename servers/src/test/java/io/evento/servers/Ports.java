package io.evento.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/** Finds a base for a server's fixed port layout (a WildFly port offset, a Payara port base) where every port is free. */
final class Ports {

    private Ports() {
    }

    /** The first base from {@code from} (in steps of {@code step}) where base + each offset is free on the address. */
    static int freeBase(String address, int from, int step, List<Integer> offsets) {
        for (int base = from; base + offsets.stream().max(Integer::compare).orElse(0) < 65_000; base += step) {
            int candidate = base;
            if (offsets.stream().allMatch(offset -> free(address, candidate + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no free port layout from " + from + " on " + address);
    }

    private static boolean free(String address, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(address))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
