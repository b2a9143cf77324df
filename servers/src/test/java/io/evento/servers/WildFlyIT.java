package io.evento.servers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The WAR on WildFly (standalone-microprofile.xml), with no Hazelcast: a one-member cluster. */
class WildFlyIT extends DeployedServerContract {

    private static WildFlyServer server;

    @BeforeAll
    static void start() {
        server = WildFlyServer.start();
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
