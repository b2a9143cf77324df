package io.evento.payara;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void aPortSomethingListensOnIsNotFreeAndIsFreeAgainOnceClosed() throws Exception {
        // given
        int port;
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = held.getLocalPort();

            // then
            assertThat(FreePorts.isFree("127.0.0.1", port)).isFalse();
        }
        assertThat(FreePorts.isFree("127.0.0.1", port)).isTrue();
    }

    @Test
    void aFreeBaseSkipsALayoutWhereOnePortIsTaken() throws Exception {
        // given a port held at offset 7 of the first candidate base
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int from = held.getLocalPort() - 7;

            // when
            int base = FreePorts.freeBase("127.0.0.1", from, 100, List.of(0, 7));

            // then
            assertThat(base).isGreaterThanOrEqualTo(from + 100);
            assertThat((base - from) % 100).isZero();
        }
    }
}
