package io.evento.payara.server;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DomainRecipeTest {

    private static final String DOMAIN = """
            <domain version="10.0">
              <hazelcast-runtime-configuration start-port="30059" das-port="30049" auto-increment-port="true"></hazelcast-runtime-configuration>
              <configs>
                <config name="server-config">
                  <iiop-service><iiop-listener address="0.0.0.0" port="30037" id="orb-listener-1"/></iiop-service>
                  <admin-service><jmx-connector address="0.0.0.0" port="30086" name="system"/></admin-service>
                  <phone-home-runtime-configuration phone-home-id="x"></phone-home-runtime-configuration>
                  <java-config><jvm-options>-Xmx512m</jvm-options></java-config>
                  <network-config><network-listeners>
                    <network-listener port="30080" name="http-listener-1"/>
                    <network-listener port="30048" name="admin-listener"/>
                  </network-listeners></network-config>
                </config>
                <config name="default-config">
                  <network-config><network-listeners>
                    <network-listener address="0.0.0.0" port="${HTTP_LISTENER_PORT}" name="http-listener-1"/>
                  </network-listeners></network-config>
                </config>
              </configs>
            </domain>
            """;

    private final DomainRecipe recipe = new DomainRecipe("127.0.0.1", 30049,
            List.of("-Dhazelcast.phone.home.enabled=false", "-Dhazelcast.socket.bind.any=false"));

    @Nested
    class AppliedToACreatedDomain {

        @TempDir
        Path dir;

        private String applied() throws Exception {
            // given
            Path file = dir.resolve("domain.xml");
            Files.writeString(file, DOMAIN);

            // when
            recipe.applyTo(file);
            return Files.readString(file);
        }

        @Test
        void bindsEveryListenerOfTheServerToTheBindAddress() throws Exception {
            String xml = applied();

            // then
            String server = xml.substring(xml.indexOf("name=\"server-config\""), xml.indexOf("name=\"default-config\""));
            assertThat(server).doesNotContain("0.0.0.0");
            assertThat(server.split("address=\"127.0.0.1\"", -1)).hasSize(5);
        }

        @Test
        void leavesTheTemplateConfigAlone() throws Exception {
            String xml = applied();

            // then
            assertThat(xml.substring(xml.indexOf("name=\"default-config\""))).contains("address=\"0.0.0.0\"");
        }

        @Test
        void turnsOffPhoneHomeAndTheMessageBrokerAndPinsHazelcastToTheBindAddress() throws Exception {
            String xml = applied();

            // then
            assertThat(xml).contains("enabled=\"false\"").contains("type=\"DISABLED\"")
                    .contains("discovery-mode=\"tcpip\"").contains("tcpip-members=\"127.0.0.1:30049\"")
                    .contains("interface=\"127.0.0.1\"").contains("das-bind-address=\"127.0.0.1\"");
        }

        @Test
        void addsTheHazelcastJvmFlagsOnce() throws Exception {
            // given a domain the recipe was already applied to
            Path file = dir.resolve("domain.xml");
            Files.writeString(file, DOMAIN);
            recipe.applyTo(file);

            // when
            recipe.applyTo(file);

            // then
            String xml = Files.readString(file);
            assertThat(xml.split("-Dhazelcast.socket.bind.any=false", -1)).hasSize(2);
            assertThat(xml).contains("<jvm-options>-Xmx512m</jvm-options>");
        }
    }

    @Test
    void refusesADomainWithoutServerConfig(@TempDir Path dir) throws Exception {
        // given
        Path file = dir.resolve("domain.xml");
        Files.writeString(file, "<domain><configs/></domain>");

        // then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> recipe.applyTo(file))
                .hasMessageContaining("server-config");
    }
}
