package io.evento.servers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The WAR on a Payara Server domain, with Payara's Hazelcast on loopback. */
class PayaraServerIT extends DeployedServerContract {

    private static PayaraServer server;

    @BeforeAll
    static void start() {
        server = PayaraServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    JakartaServer server() {
        return server;
    }
}
