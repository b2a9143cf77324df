package io.evento.server.deployment;

import io.evento.payara.MicroRecipe;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml against the deploy script's settings: no Docker engine runs here, so the file
 * is read, not run. Every instance carries the recipe's Hazelcast flags and discovery, uses the
 * same command files and defaults, publishes its ports on loopback only, and the admin default
 * users are hashes of the documented passwords.
 */
class DockerComposeTest {

    private static final Path ROOT = MicroRecipe.projectDir();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> instances() throws IOException {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose().get("services");
        Map<String, Map<String, Object>> instances = new java.util.TreeMap<>(services);
        instances.keySet().removeIf(name -> !name.startsWith("evento-"));
        return instances;
    }

    @Nested
    class EveryInstance {

        @Test
        void carriesTheRecipesHazelcastFlagsAndTcpDiscoveryOfEveryInstance() throws IOException {
            // given
            Map<String, Map<String, Object>> instances = instances();
            String members = String.join(",", instances.keySet().stream().map(name -> name + ":6900").toList());

            // then
            assertThat(instances).hasSizeGreaterThanOrEqualTo(2);
            String systemProperties = Files.readString(ROOT.resolve("payara-config/loopback-system.properties"));
            for (String flag : MicroRecipe.fromProject().jvmOptions()) {
                assertThat(systemProperties).contains(flag.substring(2));
            }
            for (Map.Entry<String, Map<String, Object>> instance : instances.entrySet()) {
                String command = instance.getValue().get("command").toString();
                assertThat(command).as(instance.getKey())
                        .contains("--systemproperties /opt/evento/config/loopback-system.properties")
                        .contains("--disablephonehome")
                        .contains("--clustermode tcpip:" + members)
                        .doesNotContain("multicast")
                        .contains("--postbootcommandfile /opt/evento/config/post-boot.asadmin")
                        .contains("--deploy /opt/evento/evento-server.war --contextroot /");
            }
        }

        @Test
        @SuppressWarnings("unchecked")
        void publishesItsPortsOnLoopbackOnlyAndHasItsOwnStableInstanceId() throws IOException {
            for (Map.Entry<String, Map<String, Object>> instance : instances().entrySet()) {
                assertThat((List<String>) instance.getValue().get("ports")).as(instance.getKey()).allMatch(p -> p.startsWith("127.0.0.1:"));
                Map<String, Object> environment = (Map<String, Object>) instance.getValue().get("environment");
                assertThat(environment.get("EVENTO_SERVER_INSTANCE_ID")).as(instance.getKey()).isEqualTo(instance.getKey().replace("evento-", "instance-"));
            }
        }

        @Test
        @SuppressWarnings("unchecked")
        void readsTheDefaultsOfTheDeployScriptAndOnlyKnownSettings() throws IOException {
            // given the settings the README documents
            String readme = Files.readString(ROOT.resolve("README.md"));
            Map<String, String> defaults = MicroRecipe.fromProject().defaults();

            for (Map.Entry<String, Map<String, Object>> instance : instances().entrySet()) {
                // then
                assertThat(instance.getValue().get("env_file")).isEqualTo("payara-config/defaults.env");
                Map<String, Object> environment = (Map<String, Object>) instance.getValue().get("environment");
                for (String key : environment.keySet()) {
                    assertThat(defaults.containsKey(key) || readme.contains(key)).as(key + " is neither a default nor documented").isTrue();
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDefaultAdminUsersAreHashesOfTheDocumentedPasswords() throws IOException {
        // given
        Map<String, Object> environment = (Map<String, Object>) instances().get("evento-1").get("environment");
        Matcher fallback = Pattern.compile("\\$\\{EVENTO_ADMIN_USERS:-(.*)}").matcher(environment.get("EVENTO_ADMIN_USERS").toString());

        // when
        assertThat(fallback.matches()).isTrue();
        Map<String, String> hashes = new java.util.HashMap<>();
        for (String entry : fallback.group(1).split(",")) {
            String[] parts = entry.split(":", 3);
            hashes.put(parts[0], parts[2]);
        }

        // then
        Pbkdf2PasswordHashImpl platform = new Pbkdf2PasswordHashImpl();
        assertThat(platform.verify("evento-admin".toCharArray(), hashes.get("admin"))).isTrue();
        assertThat(platform.verify("evento-viewer".toCharArray(), hashes.get("viewer"))).isTrue();
    }
}
